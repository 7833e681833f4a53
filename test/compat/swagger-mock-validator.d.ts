/** The part of @pactflow/swagger-mock-validator the side-by-side test uses (the package ships no usable types). */
declare module "@pactflow/swagger-mock-validator" {
  export interface ValidationResultItem {
    code: string;
    message: string;
    type: "error" | "warning";
    mockDetails?: { interactionDescription?: string; location?: string };
  }
  export interface ValidationOutcome {
    success: boolean;
    errors: ValidationResultItem[];
    warnings: ValidationResultItem[];
  }
  export const SwaggerMockValidatorFactory: {
    create(auth?: string): {
      validate(options: {
        specPathOrUrl: string;
        mockPathOrUrl: string;
        providerName?: string;
      }): Promise<ValidationOutcome>;
    };
  };
}
