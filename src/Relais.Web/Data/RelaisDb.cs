using Relais.Web.Operations;
using Relais.Web.Features.Coordination;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Web.Messaging;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Identity;

namespace Relais.Web.Data;

/// <summary>
/// The one DbContext of Relais. Each provider has its own subclass only so that each keeps its own
/// migrations (<see cref="SqliteRelaisDb"/>, <see cref="PostgresRelaisDb"/>); the model is this one.
/// </summary>
public abstract class RelaisDb(DbContextOptions options)
    : IdentityDbContext<RelaisUser, RelaisRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<IdentityAlert> IdentityAlerts => Set<IdentityAlert>();
    public DbSet<Domain.Interop.ExternalBundleReceipt> ExternalBundleReceipts => Set<Domain.Interop.ExternalBundleReceipt>();
    public DbSet<Domain.Interop.HeldExternalResult> HeldExternalResults => Set<Domain.Interop.HeldExternalResult>();
    public DbSet<CareTeamMember> CareTeamMembers => Set<CareTeamMember>();
    public DbSet<AldRecord> AldRecords => Set<AldRecord>();
    public DbSet<Domain.Vaccination.LiveVaccineWarningLift> LiveVaccineWarningLifts => Set<Domain.Vaccination.LiveVaccineWarningLift>();
    public DbSet<AccessObjection> AccessObjections => Set<AccessObjection>();
    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<CancerEpisode> Episodes => Set<CancerEpisode>();
    public DbSet<PathwayEvent> PathwayEvents => Set<PathwayEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditPurge> AuditPurges => Set<AuditPurge>();
    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    public DbSet<Audit.AuditPendingEntry> AuditPending => Set<Audit.AuditPendingEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Transmission> Transmissions => Set<Transmission>();
    public DbSet<TransmissionRecipient> TransmissionRecipients => Set<TransmissionRecipient>();
    public DbSet<ClinicalEvent> ClinicalEvents => Set<ClinicalEvent>();
    public DbSet<ReferralTask> ReferralTasks => Set<ReferralTask>();
    public DbSet<ThreadMessage> ThreadMessages => Set<ThreadMessage>();
    public DbSet<ThreadReadMark> ThreadReadMarks => Set<ThreadReadMark>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ObligationSetting> ObligationSettings => Set<ObligationSetting>();
    public DbSet<SignalOwnerChoice> SignalOwnerChoices => Set<SignalOwnerChoice>();
    public DbSet<Domain.TumorBoards.TumorBoard> TumorBoards => Set<Domain.TumorBoards.TumorBoard>();
    public DbSet<Domain.TumorBoards.TumorBoardMeeting> Meetings => Set<Domain.TumorBoards.TumorBoardMeeting>();
    public DbSet<Domain.TumorBoards.MeetingParticipant> MeetingParticipants => Set<Domain.TumorBoards.MeetingParticipant>();
    public DbSet<Domain.TumorBoards.TumorBoardCase> TumorBoardCases => Set<Domain.TumorBoards.TumorBoardCase>();
    public DbSet<Domain.TumorBoards.G8Assessment> G8Assessments => Set<Domain.TumorBoards.G8Assessment>();
    public DbSet<Domain.Announcements.AnnouncementRecord> Announcements => Set<Domain.Announcements.AnnouncementRecord>();
    public DbSet<Domain.Programmes.CareProgramme> Programmes => Set<Domain.Programmes.CareProgramme>();
    public DbSet<Domain.Programmes.ProgrammeProposal> ProgrammeProposals => Set<Domain.Programmes.ProgrammeProposal>();
    public DbSet<Domain.Surveillance.SurveillanceProtocol> Protocols => Set<Domain.Surveillance.SurveillanceProtocol>();
    public DbSet<Domain.Surveillance.Enrolment> Enrolments => Set<Domain.Surveillance.Enrolment>();
    public DbSet<Domain.Surveillance.CarnetItem> CarnetItems => Set<Domain.Surveillance.CarnetItem>();
    public DbSet<Domain.ContinuingTreatments.ContinuingTreatment> ContinuingTreatments => Set<Domain.ContinuingTreatments.ContinuingTreatment>();
    public DbSet<Domain.ContinuingTreatments.TreatmentReport> TreatmentReports => Set<Domain.ContinuingTreatments.TreatmentReport>();
    public DbSet<Domain.Heredity.OncogeneticsReferral> OncogeneticsReferrals => Set<Domain.Heredity.OncogeneticsReferral>();
    public DbSet<Domain.RareCancers.ExpertReview> ExpertReviews => Set<Domain.RareCancers.ExpertReview>();
    public DbSet<Domain.Prevention.PreventionStatus> PreventionStatuses => Set<Domain.Prevention.PreventionStatus>();
    public DbSet<Domain.Surveillance.CalendarFeed> CalendarFeeds => Set<Domain.Surveillance.CalendarFeed>();
    public DbSet<Domain.Alerts.Observation> Observations => Set<Domain.Alerts.Observation>();
    public DbSet<Domain.Alerts.StoredAlert> Alerts => Set<Domain.Alerts.StoredAlert>();
    public DbSet<Domain.Questionnaires.QuestionnaireVersion> Questionnaires => Set<Domain.Questionnaires.QuestionnaireVersion>();
    public DbSet<Domain.Questionnaires.QuestionnaireResponse> QuestionnaireResponses => Set<Domain.Questionnaires.QuestionnaireResponse>();
    public DbSet<Domain.Questionnaires.SymptomAlert> SymptomAlerts => Set<Domain.Questionnaires.SymptomAlert>();
    public DbSet<Domain.Questionnaires.QuestionnaireAssignment> QuestionnaireAssignments => Set<Domain.Questionnaires.QuestionnaireAssignment>();
    public DbSet<Domain.Questionnaires.FollowUpQuestionnairePlan> FollowUpQuestionnairePlans => Set<Domain.Questionnaires.FollowUpQuestionnairePlan>();
    public DbSet<Domain.Questionnaires.OnCallShift> OnCallShifts => Set<Domain.Questionnaires.OnCallShift>();
    public DbSet<Features.Notifications.NotificationSetting> NotificationSettings => Set<Features.Notifications.NotificationSetting>();
    public DbSet<Domain.SupportiveCare.LivingArea> LivingAreas => Set<Domain.SupportiveCare.LivingArea>();
    public DbSet<Domain.SupportiveCare.Commune> Communes => Set<Domain.SupportiveCare.Commune>();
    public DbSet<Domain.SupportiveCare.SupportiveCareProvider> SupportiveCareProviders => Set<Domain.SupportiveCare.SupportiveCareProvider>();
    public DbSet<Domain.SupportiveCare.ProviderMember> ProviderMembers => Set<Domain.SupportiveCare.ProviderMember>();
    public DbSet<Domain.SupportiveCare.SupportiveNeed> SupportiveNeeds => Set<Domain.SupportiveCare.SupportiveNeed>();
    public DbSet<Domain.SupportiveCare.SupportiveReferral> SupportiveReferrals => Set<Domain.SupportiveCare.SupportiveReferral>();
    public DbSet<Domain.SupportiveCare.PostCancerPrescription> PostCancerPrescriptions => Set<Domain.SupportiveCare.PostCancerPrescription>();
    public DbSet<Features.Indicators.IndicatorObservationRow> IndicatorObservations => Set<Features.Indicators.IndicatorObservationRow>();
    public DbSet<Features.Indicators.IndicatorStaleMark> IndicatorStaleMarks => Set<Features.Indicators.IndicatorStaleMark>();
    public DbSet<Features.Indicators.IndicatorRefreshState> IndicatorRefreshStates => Set<Features.Indicators.IndicatorRefreshState>();
    public DbSet<Features.Indicators.IndicatorSum> IndicatorSums => Set<Features.Indicators.IndicatorSum>();
    public DbSet<Domain.Steps.AdministrativeStep> AdministrativeSteps => Set<Domain.Steps.AdministrativeStep>();
    public DbSet<Domain.Steps.TrialParticipation> TrialParticipations => Set<Domain.Steps.TrialParticipation>();
    public DbSet<Domain.PalliativeCare.SymptomPlanEntry> SymptomPlanEntries => Set<Domain.PalliativeCare.SymptomPlanEntry>();
    public DbSet<Domain.PalliativeCare.UrgentCarePlan> UrgentCarePlans => Set<Domain.PalliativeCare.UrgentCarePlan>();
    public DbSet<Domain.PalliativeCare.HadStay> HadStays => Set<Domain.PalliativeCare.HadStay>();
    public DbSet<Domain.PalliativeCare.CaregiverContact> CaregiverContacts => Set<Domain.PalliativeCare.CaregiverContact>();
    public DbSet<Domain.Continuity.Appointment> Appointments => Set<Domain.Continuity.Appointment>();
    public DbSet<Domain.Continuity.Deferral> Deferrals => Set<Domain.Continuity.Deferral>();
    public DbSet<Domain.Continuity.CrisisPeriod> CrisisPeriods => Set<Domain.Continuity.CrisisPeriod>();
    public DbSet<Domain.Portal.PortalRelease> PortalReleases => Set<Domain.Portal.PortalRelease>();

    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RelaisDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteRelaisDb(DbContextOptions<SqliteRelaisDb> options) : RelaisDb(options)
{
    public override bool IsPostgres => false;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite's RETURNING does not work on a table with AFTER triggers: the sealer's queue is filled by one on AuditEntries.
        builder.Entity<AuditEntry>().ToTable(t => t.UseSqlReturningClause(false));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no instant type: store UTC ticks so instants sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresRelaisDb(DbContextOptions<PostgresRelaisDb> options) : RelaisDb(options)
{
    public override bool IsPostgres => true;
}

public sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
