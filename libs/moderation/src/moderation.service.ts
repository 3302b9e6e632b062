import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ContentEvents,
  type ContentItem,
  type ContentRef,
  ContentStatus,
  ContentTransition,
  ContentWorkflowService,
  STATUS_LABELS,
  canSeeContent,
} from '@resocc/content';
import {
  AppConfig,
  BadUserInputError,
  ConflictError,
  FieldErrors,
  NotFoundError,
  TransactionRunner,
  type Viewer,
} from '@resocc/core';
import { AccountService } from '@resocc/members';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { ModerationEventEntity, ReportEntity } from './moderation.entities';
import { MODERATION_TEAM, ModerationAction, type ReportReason, ReportStatus } from './moderation.enums';
import { type NotificationKind, NotificationService } from './notifications/notification.service';

const TRANSITION: Partial<Record<ModerationAction, ContentTransition>> = {
  [ModerationAction.APPROVE]: ContentTransition.APPROVE,
  [ModerationAction.REQUEST_CHANGES]: ContentTransition.REQUEST_CHANGES,
  [ModerationAction.REJECT]: ContentTransition.REJECT,
  [ModerationAction.HIDE]: ContentTransition.HIDE,
  [ModerationAction.RESTORE]: ContentTransition.RESTORE,
  [ModerationAction.ARCHIVE]: ContentTransition.ARCHIVE,
};

/** What each decision does to the item's open reports. */
const REPORTS_AFTER: Partial<Record<ModerationAction, ReportStatus>> = {
  [ModerationAction.HIDE]: ReportStatus.UPHELD,
  [ModerationAction.REJECT]: ReportStatus.UPHELD,
  [ModerationAction.ARCHIVE]: ReportStatus.UPHELD,
  [ModerationAction.RESTORE]: ReportStatus.DISMISSED,
  [ModerationAction.DISMISS_REPORTS]: ReportStatus.DISMISSED,
};

/** Actions whose author is told: the moderators' decisions and the report threshold's. */
type NotifiedAction = Exclude<ModerationAction, ModerationAction.PUBLISH_TRUSTED>;
/** What moderators decide through moderateContent (not the automatic actions). */
type DecisionAction = Exclude<NotifiedAction, ModerationAction.AUTO_HIDE>;

function isDecision(action: ModerationAction): action is DecisionAction {
  return action !== ModerationAction.AUTO_HIDE && action !== ModerationAction.PUBLISH_TRUSTED;
}

const NOTIFICATION_KIND: Record<NotifiedAction, NotificationKind> = {
  APPROVE: 'CONTENT_APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  REJECT: 'CONTENT_REJECTED',
  HIDE: 'CONTENT_HIDDEN',
  RESTORE: 'CONTENT_RESTORED',
  ARCHIVE: 'CONTENT_ARCHIVED',
  AUTO_HIDE: 'CONTENT_HIDDEN',
  DISMISS_REPORTS: 'REPORTS_DISMISSED',
};

const AUTHOR_MESSAGE: Record<NotifiedAction, (title: string) => string> = {
  APPROVE: (t) => `Votre contenu « ${t} » est publié.`,
  REQUEST_CHANGES: (t) => `Des modifications sont demandées sur « ${t} ».`,
  REJECT: (t) => `Votre contenu « ${t} » n'a pas été retenu.`,
  HIDE: (t) => `Votre contenu « ${t} » a été masqué.`,
  RESTORE: (t) => `Votre contenu « ${t} » est de nouveau visible.`,
  ARCHIVE: (t) => `Votre contenu « ${t} » a été archivé.`,
  AUTO_HIDE: (t) =>
    `Votre contenu « ${t} » a été masqué à la suite de plusieurs signalements, en attendant l'avis de l'équipe de modération.`,
  DISMISS_REPORTS: (t) => `Les signalements visant « ${t} » ont été classés sans suite.`,
};

const REASON_OPTIONAL = new Set([ModerationAction.APPROVE, ModerationAction.RESTORE]);

/** How old an account must have been when it reported for the report to count towards hiding. */
const REPORTER_MIN_AGE_MS = 24 * 60 * 60 * 1000;
/** Distinct organisations, other than the author's, whose members' reports must agree to hide. */
const REPORTING_ORGANISATIONS_TO_HIDE = 2;

const TRUSTED_REASON = {
  first: 'Publié sans relecture : organisation de confiance.',
  edit: 'Modification publiée sans relecture : organisation de confiance.',
};

interface OpenReport {
  reporterId: string;
  createdAt: Date;
}

/**
 * The open reports that count towards hiding an item: from approved members now, of an
 * organisation other than the item's (and its author's), whose account was at least 24 h
 * old when they reported. Every report counts for the queue; only these hide.
 */
function reportsThatHide(
  reports: readonly OpenReport[],
  members: ReadonlyMap<string, { organisationId: string; createdAt: Date }>,
  excludedOrganisations: ReadonlySet<string>,
): { count: number; organisations: Set<string> } {
  const organisations = new Set<string>();
  let count = 0;
  for (const report of reports) {
    const reporter = members.get(report.reporterId);
    if (!reporter || excludedOrganisations.has(reporter.organisationId)) continue;
    if (report.createdAt.getTime() - reporter.createdAt.getTime() < REPORTER_MIN_AGE_MS) continue;
    count++;
    organisations.add(reporter.organisationId);
  }
  return { count, organisations };
}

function withReason(message: string, reason: string | null): string {
  return reason ? `${message} Motif : ${reason} — ${MODERATION_TEAM}` : `${message} — ${MODERATION_TEAM}`;
}

/** Decisions, reports and the automatic hiding threshold. */
@Injectable()
export class ModerationService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly workflow: ContentWorkflowService,
    private readonly events: ContentEvents,
    private readonly notifications: NotificationService,
    private readonly accounts: AccountService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Moderators hear of every item that enters the review queue.
    this.events.onStatusChanged(async (event, manager) => {
      if (event.to !== ContentStatus.IN_REVIEW) return;
      await this.notifications.notify(manager, await this.accounts.moderatorIds(manager), {
        kind: 'QUEUE_ITEM',
        message: `Nouveau contenu à relire : « ${event.title} ».`,
        target: { type: event.type, id: event.id },
      });
    });
    // The log shows who published without review, and when.
    this.events.onPublishedWithoutReview(async (event, manager) => {
      await this.record(
        manager,
        { type: event.type, id: event.id },
        ModerationAction.PUBLISH_TRUSTED,
        event.actorUserId,
        event.edit ? TRUSTED_REASON.edit : TRUSTED_REASON.first,
        event.from,
        ContentStatus.PUBLISHED,
      );
    });
  }

  /** The decision and its cleaned reason, or BAD_USER_INPUT naming what is wrong. */
  private validate(
    action: ModerationAction,
    reason: string | null | undefined,
  ): { decision: DecisionAction; reason: string | null } {
    const errors = new FieldErrors();
    errors.check(
      action !== ModerationAction.AUTO_HIDE,
      'action',
      'AUTO_HIDE est réservé au seuil de signalements.',
    );
    errors.check(
      action !== ModerationAction.PUBLISH_TRUSTED,
      'action',
      'PUBLISH_TRUSTED est réservé à la publication par une organisation de confiance.',
    );
    const clean = reason?.normalize('NFC').trim() ?? '';
    if (!REASON_OPTIONAL.has(action))
      errors.check(
        clean.length >= 3,
        'reason',
        'Un motif est obligatoire pour cette décision (3 caractères au moins).',
      );
    errors.check(clean.length <= 2000, 'reason', 'Le motif ne peut dépasser 2 000 caractères.');
    errors.throwIfAny();
    if (!isDecision(action)) throw new Error('unreachable: automatic actions were refused above');
    return { decision: action, reason: clean === '' ? null : clean };
  }

  async moderate(
    viewer: Viewer,
    ref: ContentRef,
    action: ModerationAction,
    reason: string | null | undefined,
  ): Promise<ModerationEventEntity> {
    const { decision, reason: clean } = this.validate(action, reason);
    return this.tx.run((m) => this.decide(m, viewer, ref, decision, clean, 'targetId'));
  }

  /** One action on many items, in one transaction: all or nothing; every refused item is named. */
  async moderateBulk(
    viewer: Viewer,
    refs: ContentRef[],
    action: ModerationAction,
    reason: string | null | undefined,
  ): Promise<ModerationEventEntity[]> {
    const { decision, reason: clean } = this.validate(action, reason);
    if (refs.length === 0 || refs.length > 100)
      throw BadUserInputError.field('targetIds', 'Choisissez de 1 à 100 éléments.');
    return this.tx.run(async (m) => {
      const events: ModerationEventEntity[] = [];
      const errors = new FieldErrors();
      for (const [index, ref] of refs.entries()) {
        try {
          events.push(await this.decide(m, viewer, ref, decision, clean, `targetIds.${index}`));
        } catch (error) {
          if (!(error instanceof BadUserInputError)) throw error;
          for (const field of error.fields) errors.add(field.path, field.message);
        }
      }
      errors.throwIfAny(); // rolls the whole transaction back
      return events;
    });
  }

  private async decide(
    m: EntityManager,
    viewer: Viewer,
    ref: ContentRef,
    action: DecisionAction,
    reason: string | null,
    field: string,
  ): Promise<ModerationEventEntity> {
    const item = await this.workflow.lock(m, ref);
    if (!item) throw new NotFoundError('Ce contenu est introuvable.');
    const from = item.status;
    let to = from;
    if (action === ModerationAction.DISMISS_REPORTS) {
      const open = await m.count(ReportEntity, { where: { targetId: item.id, status: ReportStatus.OPEN } });
      if (open === 0) throw BadUserInputError.field(field, "Ce contenu n'a aucun signalement ouvert.");
      if (item.status === ContentStatus.HIDDEN && (await this.lastHideWasAutomatic(m, item.id))) {
        to = (await this.workflow.apply(m, ref, ContentTransition.RESTORE, viewer.userId, field, item)).to;
      }
    } else {
      to = (
        await this.workflow.apply(m, ref, TRANSITION[action] as ContentTransition, viewer.userId, field, item)
      ).to;
    }
    const reportsAfter = REPORTS_AFTER[action];
    if (reportsAfter) await this.resolveReports(m, item.id, reportsAfter);
    const event = await this.record(m, ref, action, viewer.userId, reason, from, to);
    await this.notifications.notify(m, [item.authorId], {
      kind: NOTIFICATION_KIND[action],
      message: withReason(AUTHOR_MESSAGE[action](item.title), reason),
      target: ref,
    });
    return event;
  }

  private async lastHideWasAutomatic(m: EntityManager, targetId: string): Promise<boolean> {
    const last = await m.findOne(ModerationEventEntity, {
      where: [
        { targetId, action: ModerationAction.AUTO_HIDE },
        { targetId, action: ModerationAction.HIDE },
      ],
      order: { createdAt: 'DESC' },
    });
    return last?.action === ModerationAction.AUTO_HIDE;
  }

  private async resolveReports(m: EntityManager, targetId: string, status: ReportStatus): Promise<void> {
    await m.update(ReportEntity, { targetId, status: ReportStatus.OPEN }, { status, resolvedAt: new Date() });
  }

  private record(
    m: EntityManager,
    ref: ContentRef,
    action: ModerationAction,
    actorId: string | null,
    reason: string | null,
    from: ContentStatus,
    to: ContentStatus,
  ): Promise<ModerationEventEntity> {
    return m.save(
      m.create(ModerationEventEntity, {
        action,
        targetType: ref.type,
        targetId: ref.id,
        actorId,
        reason,
        fromStatus: from,
        toStatus: to,
      }),
    );
  }

  /**
   * A MEMBER flags PUBLISHED content they can see. Once REPORT_HIDE_THRESHOLD open reports
   * count towards hiding (approved members of at least two organisations other than the
   * author's, accounts at least 24 h old when they reported), it is hidden at once
   * (AUTO_HIDE, no actor). Every report shows in the reports list and the queue.
   */
  async report(
    viewer: Viewer,
    ref: ContentRef,
    reason: ReportReason,
    comment: string | null | undefined,
  ): Promise<ReportEntity> {
    const errors = new FieldErrors();
    const cleanComment = comment?.normalize('NFC').trim() || null;
    errors.check(
      (cleanComment ?? '').length <= 2000,
      'comment',
      'Le commentaire ne peut dépasser 2 000 caractères.',
    );
    errors.throwIfAny();
    try {
      return await this.tx.run(async (m) => {
        const item = await this.workflow.lock(m, ref);
        if (!item || !canSeeContent(viewer, item)) throw new NotFoundError('Ce contenu est introuvable.');
        if (item.status !== ContentStatus.PUBLISHED) {
          throw BadUserInputError.field(
            'targetId',
            `Seul un contenu publié peut être signalé (celui-ci est ${STATUS_LABELS[item.status]}).`,
          );
        }
        const report = await m.save(
          m.create(ReportEntity, {
            targetType: ref.type,
            targetId: item.id,
            reason,
            comment: cleanComment,
            reporterId: viewer.userId,
          }),
        );
        await this.maybeAutoHide(m, ref, item);
        return report;
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'report_one_open_per_reporter'
      ) {
        throw new ConflictError(
          'Vous avez déjà signalé ce contenu ; votre signalement est en cours de traitement.',
        );
      }
      throw error;
    }
  }

  private async maybeAutoHide(m: EntityManager, ref: ContentRef, item: ContentItem): Promise<void> {
    const rows: { reporter_id: string; created_at: Date }[] = await m.query(
      `SELECT reporter_id, created_at FROM report
       WHERE target_id = $1 AND status = 'OPEN' AND reporter_id IS NOT NULL`,
      [item.id],
    );
    const reports = rows.map((r) => ({ reporterId: r.reporter_id, createdAt: r.created_at }));
    if (reports.length < this.config.reportHideThreshold) return;
    const members = await this.accounts.approvedMembers(
      [...reports.map((r) => r.reporterId), item.authorId],
      m,
    );
    const excluded = new Set([item.organisationId]);
    const author = members.get(item.authorId);
    if (author) excluded.add(author.organisationId);
    const { count, organisations } = reportsThatHide(reports, members, excluded);
    if (count < this.config.reportHideThreshold || organisations.size < REPORTING_ORGANISATIONS_TO_HIDE)
      return;
    const { from, to } = await this.workflow.apply(
      m,
      ref,
      ContentTransition.AUTO_HIDE,
      null,
      'targetId',
      item,
    );
    await this.record(
      m,
      ref,
      ModerationAction.AUTO_HIDE,
      null,
      `${count} signalements de membres de ${organisations.size} organisations`,
      from,
      to,
    );
    await this.notifications.notify(m, [item.authorId], {
      kind: NOTIFICATION_KIND.AUTO_HIDE,
      message: `${AUTHOR_MESSAGE.AUTO_HIDE(item.title)} — ${MODERATION_TEAM}`,
      target: ref,
    });
    await this.notifications.notify(m, await this.accounts.moderatorIds(m), {
      kind: 'CONTENT_AUTO_HIDDEN',
      message: `« ${item.title} » a été masqué automatiquement après ${count} signalements de membres de ${organisations.size} organisations : à examiner.`,
      target: ref,
    });
  }
}
