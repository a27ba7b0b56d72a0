import type { ChannelSenders } from '@fieldstream/application';
import type { AppConfig } from '../config/environment-variables';
import { HttpSmsSender } from './http-sms-sender';
import { SmtpEmailSender } from './smtp-email-sender';

/** The outside channels this configuration reaches; the others stay out (and say so when used). */
export function createChannelSenders(config: AppConfig): ChannelSenders {
  const { smtpUrl, mailFrom, smsGatewayUrl, smsGatewayToken } = config.notifications;
  return {
    ...(smtpUrl && { email: new SmtpEmailSender(smtpUrl, mailFrom) }),
    ...(smsGatewayUrl && { sms: new HttpSmsSender(smsGatewayUrl, smsGatewayToken) }),
  };
}
