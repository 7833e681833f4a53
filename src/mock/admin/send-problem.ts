import type { Response } from "express";
import { PROBLEM_JSON, type Problem } from "../../http/problem.js";

/** Every admin route's error answer: problem+json with the problem's status. */
export function sendProblem(res: Response, p: Problem): void {
  res.status(p.status).type(PROBLEM_JSON).send(JSON.stringify(p));
}
