import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '@resona/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through SMTP (`SMTP_URL`). Without it, every mail is written to the log as JSON
 * instead (the embedded default), so a developer can follow the links.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    private readonly options: { smtpUrl?: string | undefined; from: string; logger: Logger },
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.options.from, ...mail });
    if (!this.options.smtpUrl) {
      this.options.logger.info({ mail: JSON.parse(String((info as { message: unknown }).message)) }, 'mail not sent (SMTP_URL is unset)');
    }
  }

  close(): void {
    this.transport.close();
  }
}
