import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Secret, TOTP } from 'otpauth';
import { anonymousPrincipal, type Principal, type Role } from '@resona/auth';
import type { TestSubgraph } from '@resona/testing';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/** A real SMTP server on loopback (port 0) that keeps what it receives. */
export async function startMailServer() {
  const mails: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          mails.push({ to: to?.value[0]?.address ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '' });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The latest mail to `to` whose subject matches, waiting up to 5 s for it. */
    async waitFor(to: string, subject: RegExp, after = 0): Promise<ReceivedMail> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = mails.slice(after).reverse().find((m) => m.to === to && subject.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject}; got ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the link in a mail. */
export const tokenIn = (mail: ReceivedMail) => {
  const match = /[?&]token=([A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link with a token in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
};

/** The TOTP code an authenticator app shows, `steps` periods from now. */
export const totpCode = (base32: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(base32) }).generate({ timestamp: Date.now() + steps * 30_000 });

/** A signed-in person as the gateway would vouch for them. */
export const person = (userId: string, roles: Role[] = ['PATIENT'], options: { clinicId?: string | null; mfa?: boolean; ip?: string } = {}): Principal =>
  anonymousPrincipal({ kind: 'user', userId, roles, clinicId: options.clinicId ?? null, mfa: options.mfa ?? false, ip: options.ip ?? '127.0.0.1', userAgent: 'jest', requestId: 'test' });

/** A public caller from `ip`. */
export const visitor = (ip: string | null = null): Principal => anonymousPrincipal({ ip, userAgent: 'jest', requestId: 'test' });

/** The claims of a JWT (not verified: for reading what identity issued). */
export const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

export const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id email } } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;
export const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;
export const PASSWORD = 'a long enough secret';

export async function registerPerson(subgraph: TestSubgraph, email: string, password = PASSWORD) {
  const { data, errors } = await subgraph.request(visitor(), REGISTER, { input: { email, password, displayName: 'Test Person' } });
  if (errors) throw new Error(JSON.stringify(errors));
  return data.register as { accessToken: string; refreshToken: string; user: { id: string; email: string } };
}

/** Creates a clinic as an admin with MFA and a clinic admin (through a real invitation) in it. */
export async function clinicWithAdmin(subgraph: TestSubgraph, mail: Awaited<ReturnType<typeof startMailServer>>, email: string) {
  const admin = person('00000000-0000-4000-8000-000000000001', ['ADMIN'], { mfa: true });
  const clinic = await subgraph.request(admin, 'mutation { createClinic(name: "Kisumu Wellness") { id name } }');
  const clinicId = clinic.data.createClinic.id as string;
  const invited = await subgraph.request(admin, 'mutation($input: InviteClinicianInput!) { inviteClinician(input: $input) }', {
    input: { email, role: 'CLINIC_ADMIN', clinicId },
  });
  if (invited.errors) throw new Error(JSON.stringify(invited.errors));
  const token = tokenIn(await mail.waitFor(email, /invited/));
  const accepted = await subgraph.request(
    visitor(),
    'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { id roles clinic { id } } } }',
    { input: { token, password: PASSWORD, displayName: 'Clinic Admin' } },
  );
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  const userId = accepted.data.acceptInvitation.user.id as string;
  return { clinicId, userId, principal: person(userId, ['CLINIC_ADMIN'], { clinicId, mfa: true }), accepted: accepted.data.acceptInvitation };
}
