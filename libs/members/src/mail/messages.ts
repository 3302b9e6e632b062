// The e-mails the members module sends. Subjects are fixed strings: never text a visitor chose.
import { MAIL_SIGNATURE } from './email-outbox';

export interface MailText {
  subject: string;
  text: string;
}

const PREFIX = "[RES'OCC]";

export function verificationMail(displayName: string, link: string, hours: number): MailText {
  return {
    subject: `${PREFIX} Confirmez votre adresse e-mail`,
    text: [
      `Bonjour ${displayName},`,
      '',
      'Pour confirmer votre adresse e-mail sur la plateforme du réseau, ouvrez ce lien :',
      link,
      '',
      `Le lien est valable ${hours} heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : aucun compte ne sera actif sans cette confirmation.`,
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}

export function signupAttemptMail(displayName: string, signInLink: string): MailText {
  return {
    subject: `${PREFIX} Tentative d'inscription avec votre adresse`,
    text: [
      `Bonjour ${displayName},`,
      '',
      "Quelqu'un vient de demander une inscription sur la plateforme avec votre adresse e-mail, qui a déjà un compte. Aucun nouveau compte n'a été créé.",
      '',
      `Si c'était vous, connectez-vous avec votre compte existant : ${signInLink}`,
      "Sinon, vous n'avez rien à faire.",
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}

export function membershipApprovedMail(displayName: string, organisation: string, link: string): MailText {
  return {
    subject: `${PREFIX} Votre demande d'adhésion est acceptée`,
    text: [
      `Bonjour ${displayName},`,
      '',
      `Votre demande pour rejoindre « ${organisation} » a été acceptée : vous êtes désormais membre du réseau.`,
      link,
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}

export function membershipRefusedMail(displayName: string, organisation: string, reason: string): MailText {
  return {
    subject: `${PREFIX} Votre demande d'adhésion n'a pas été acceptée`,
    text: [
      `Bonjour ${displayName},`,
      '',
      `Votre demande pour rejoindre « ${organisation} » n'a pas été acceptée, pour le motif suivant :`,
      '',
      reason,
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}

export function membershipRequestMail(organisation: string, link: string): MailText {
  return {
    subject: `${PREFIX} Une demande d'adhésion attend votre décision`,
    text: [
      'Bonjour,',
      '',
      `Une personne demande à rejoindre « ${organisation} » sur la plateforme du réseau. En tant que référent, vous pouvez accepter ou refuser sa demande :`,
      link,
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}
