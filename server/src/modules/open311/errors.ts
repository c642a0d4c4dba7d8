// Open311 errors: the spec's HTTP codes with a body of [{code, description}].
export class Open311Error extends Error {
  constructor(readonly status: 400 | 403 | 404, readonly description: string) {
    super(description);
  }
}

export const missing = (name: string) => new Open311Error(400, `${name} is required`);
export const bad = (description: string) => new Open311Error(400, description);
export const notFound311 = (description: string) => new Open311Error(404, description);
