// Shapes of the API's answers (DESIGN §4) that the app reads.
export interface SubjectRef {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  identifier: string
  relation: string
}

export interface Profile {
  id: string
  name: string | null
  phone: string | null
  idNumber: string | null
  realNameVerified: boolean
  wechatBound: boolean
  roles: string[]
  orgName: string | null
  subjects: SubjectRef[]
}

export interface LoginResponse {
  accessToken: string
  refreshToken: string
  expiresIn: number
  user: Profile
}

export interface Persona {
  id: string
  name: string
  roles: string[]
  summary: string
}

export interface Health {
  status: string
  database: string
  migration: number
  sandbox: boolean
}
