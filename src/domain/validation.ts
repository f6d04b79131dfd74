// The one result shape every validator in the domain returns: a value, or a Chinese message for the user.
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; message: string }
