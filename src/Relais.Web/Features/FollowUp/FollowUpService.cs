using Relais.Web.Features.FollowUp.Calendar;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Domain.Surveillance;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Patients;
using Relais.Web.Features.Programmes;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.FollowUp;

/// <summary>
/// Shared follow-up (PRODUCT.md §7): surveillance protocols as validated data, the end of active
/// treatment (enrolment, the Carnet de Surveillance Alternée, the PPAC — C11 — and the protocol with its
/// late complications — C12), marker results with their early-return rules, alerts, the GP's worklist
/// and the iCalendar feeds.
/// </summary>
public sealed class FollowUpService(RelaisDb db, Clock clock, Obligations obligations, ProgrammeService programmes, PatientAccess access, IConfiguration configuration, IOptions<MailOptions> mail)
{
    public int OverdueDays => configuration.GetValue("FollowUp:OverdueDays", CarnetItem.DefaultOverdueDays);

    public const int DefaultHorizonMonths = 120;

    /// <summary>Ships the four protocols, "to validate", on a database that has none yet.</summary>
    public async Task EnsureShippedProtocolsAsync(CancellationToken ct = default)
    {
        var existing = await db.Protocols.Select(p => p.Code).Distinct().ToListAsync(ct);
        foreach (var draft in ShippedProtocols.CreateDrafts(clock.Now).Where(d => !existing.Contains(d.Code)))
            db.Protocols.Add(draft);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ProtocolSummary>> ProtocolsAsync(CancellationToken ct) =>
        (await db.Protocols.AsNoTracking().OrderBy(p => p.Code).ThenByDescending(p => p.Version).ToListAsync(ct))
            .Select(Summary).ToList();

    private static ProtocolSummary Summary(SurveillanceProtocol p) => new(p.Id, p.Code, p.Version, p.Title, p.Kind.Code(),
        p.Status == ProtocolStatus.Validated ? "validated" : "to-validate",
        p.SpecialistValidation is { } s ? $"{s.Name}, {Clock.ToParis(s.At):dd/MM/yyyy}" : null,
        p.GpValidation is { } g ? $"{g.Name}, {Clock.ToParis(g.At):dd/MM/yyyy}" : null, p.CreatedAt);

    private async Task<SurveillanceProtocol?> LatestAsync(string code, bool validatedOnly, CancellationToken ct)
    {
        var versions = await db.Protocols.AsNoTracking().Where(p => p.Code == code).OrderByDescending(p => p.Version).ToListAsync(ct);
        return validatedOnly ? versions.FirstOrDefault(v => v.Status == ProtocolStatus.Validated) : versions.FirstOrDefault();
    }

    /// <summary>The calendar a protocol gives for a J0, for authors and validators: drafts included.</summary>
    public async Task<PreviewResult?> PreviewAsync(string code, PreviewInput input, CancellationToken ct)
    {
        var protocol = await LatestAsync(code, validatedOnly: false, ct);
        if (protocol is null) return null;
        if (input.EndOfTreatment is not { } j0) throw new DomainValidationException("endOfTreatment", "La date de fin de traitement (J0) est obligatoire.");
        var horizon = input.HorizonMonths ?? 60;
        if (horizon is < 0 or > Schedule.MaxMonth) throw new DomainValidationException("horizonMonths", $"L'horizon va de 0 à {Schedule.MaxMonth} mois.");
        var items = SurveillanceCalendar.Generate(protocol.Definition, j0, input.Radiotherapy, horizon);
        return new PreviewResult(protocol.Code, protocol.Version, items.Select(i => new PreviewItem(i.Due, i.Month, i.Kind.Code(), i.Performer.Code())).ToList());
    }

    /// <summary>A version is used only once validated by a specialist and by a GP representative [B].</summary>
    public async Task<ProtocolSummary?> ValidateAsync(CurrentUser user, string code, int version, ValidationInput input, CancellationToken ct)
    {
        var protocol = await db.Protocols.FirstOrDefaultAsync(p => p.Code == code && p.Version == version, ct);
        if (protocol is null) return null;
        var role = input.Role ?? (user.IsInRole(Roles.GeneralPractitioner) ? ValidatorRole.GeneralPractitioner : ValidatorRole.Specialist);
        if (role == ValidatorRole.GeneralPractitioner && !user.IsInRole(Roles.GeneralPractitioner))
            throw new DomainValidationException("role", "La validation « médecin généraliste » revient à un médecin généraliste.");
        if (role == ValidatorRole.Specialist && !user.IsInRole(Roles.HospitalClinician))
            throw new DomainValidationException("role", "La validation « spécialiste » revient à un médecin hospitalier.");
        var name = await db.Users.Where(u => u.Id == user.Id).Select(u => u.FirstName + " " + u.LastName).FirstAsync(ct);
        protocol.Validate(role, user.Id, name, clock.Now);
        await db.SaveChangesAsync(ct);
        return Summary(protocol);
    }

    public async Task<string?> ExportAsync(string code, int? version, CancellationToken ct)
    {
        var protocol = version is { } v
            ? await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.Version == v, ct)
            : await LatestAsync(code, validatedOnly: false, ct);
        return protocol is null ? null : ProtocolJson.Export(protocol);
    }

    /// <summary>Imports a protocol as a new version to validate; every fault is reported with the item it concerns.</summary>
    public async Task<(ProtocolSummary? Created, IReadOnlyList<ProtocolError> Errors)> ImportAsync(string json, CancellationToken ct)
    {
        var import = ProtocolJson.Import(json);
        if (!import.IsValid) return (null, import.Errors);
        var definition = import.Definition!;
        var latest = await db.Protocols.Where(p => p.Code == definition.Code).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        // An import is always a new version: an edited export keeps its old number, so it is renumbered.
        if (latest is not null && definition.Version <= latest.Version) definition = definition with { Version = latest.Version + 1 };
        var protocol = latest is null ? SurveillanceProtocol.Draft(definition, clock.Now) : latest.Revise(definition, clock.Now);
        db.Protocols.Add(protocol);
        await db.SaveChangesAsync(ct);
        return (Summary(protocol), []);
    }

    /// <summary>
    /// The end of active treatment: the baton passes to the GP [P]. The episode moves to end of treatment
    /// then shared follow-up; the patient is enrolled on the protocol's validated version and gets the
    /// carnet; the PPAC is issued (C11) and the protocol with its late complications sent (C12).
    /// </summary>
    public async Task<EndOfTreatmentResult> EndTreatmentAsync(CurrentUser user, Guid patientId, EndOfTreatmentInput input, CancellationToken ct)
    {
        if (input.EpisodeId is not { } episodeId) throw new DomainValidationException("episodeId", "Choisissez l'épisode de cancer.");
        if (input.EndOfTreatment is not { } j0) throw new DomainValidationException("endOfTreatment", "La date de fin du traitement actif (J0) est obligatoire.");
        if (string.IsNullOrWhiteSpace(input.Protocol)) throw new DomainValidationException("protocol", "Choisissez le protocole de suivi.");
        var protocol = await LatestAsync(input.Protocol, validatedOnly: true, ct)
            ?? throw new DomainValidationException("protocol", await db.Protocols.AnyAsync(p => p.Code == input.Protocol, ct)
                ? "Ce protocole n'a pas encore été validé par un spécialiste et un médecin généraliste."
                : "Protocole de suivi inconnu.");
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct)
            ?? throw new DomainValidationException("episodeId", "Cet épisode n'appartient pas à ce patient.");
        if (await db.Enrolments.AnyAsync(e => e.PatientId == patientId, ct))
            throw new DomainValidationException("episodeId", "Ce patient suit déjà un protocole de surveillance.");
        var today = clock.Today;
        var now = clock.Now;
        db.PathwayEvents.Add(episode.Transition(PathwayPhase.EndOfTreatment, j0, user.Id, today, now, "Fin du traitement actif"));
        db.PathwayEvents.Add(episode.Transition(PathwayPhase.SharedFollowUp, j0, user.Id, today, now, $"Suivi partagé : {protocol.Title}"));

        var enrolment = Enrolment.Start(patientId, protocol, j0, input.Radiotherapy, now);
        db.Enrolments.Add(enrolment);
        var horizon = input.HorizonMonths ?? DefaultHorizonMonths;
        var entries = enrolment.Calendar(protocol, horizon);
        foreach (var entry in entries) db.CarnetItems.Add(CarnetItem.Plan(patientId, enrolment.Id, entry, now));
        await db.SaveChangesAsync(ct);

        var lines = entries.Select(e => new CalendarLine(e.Due, e.Kind.Label(), e.Performer.Label(), null)).ToList();
        var ppac = await programmes.IssueAsync(user, patientId, ProgrammeKind.Ppac, new ProgrammeInput(episodeId, null, [], [],
            input.SupportiveCare ?? "Forfait de soins de support après cancer (bilan et séances d'activité physique adaptée, de diététique et de psychologie) : demandez-le à votre médecin.",
            input.Social, null, null, input.GpAgreed), ct, lines);
        await obligations.FireAsync(ObligationCode.C12, patientId, user.Id, null, $"Protocole de suivi : {protocol.Title} (version {protocol.Version})",
            $"Suivi partagé à partir du {j0:dd/MM/yyyy}, en alternance médecin traitant / spécialiste ; {entries.Count} rendez-vous et examens au carnet."
            + (input.Radiotherapy ? "\nRadiothérapie reçue : consultation annuelle du radiothérapeute pendant 5 ans." : "")
            + (string.IsNullOrWhiteSpace(input.LateComplications) ? "" : $"\nComplications tardives à surveiller : {input.LateComplications.Trim()}")
            + $"\nCritères de retour précoce vers le spécialiste : voir le carnet dans Relais.", ct: ct);
        await db.SaveChangesAsync(ct);
        return new EndOfTreatmentResult(enrolment.Id, protocol.Code, protocol.Version, entries.Count, ppac.Id, ppac.DocumentId);
    }

    public async Task<CarnetDto> CarnetAsync(Guid patientId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);
        var items = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == patientId).OrderBy(i => i.Due).ThenBy(i => i.Kind).ToListAsync(ct);
        var protocol = enrolment is null ? null : await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
        var today = clock.Today;
        return new CarnetDto(enrolment?.Id, enrolment?.ProtocolCode, enrolment?.ProtocolVersion, protocol?.Title, enrolment?.TreatmentEnd, enrolment?.Radiotherapy ?? false, OverdueDays,
            items.Select(i => ToDto(i, today)).ToList());
    }

    private CarnetEntryDto ToDto(CarnetItem i, DateOnly today) => new(i.Id, i.Due, i.Month, i.Kind.Code(), i.Kind.Label(), i.Performer.Code(), i.Performer.Label(),
        i.IsOverdue(today, OverdueDays) ? "overdue" : i.Status switch { CarnetItemStatus.Done => "done", CarnetItemStatus.Cancelled => "cancelled", _ => "planned" },
        i.IsOverdue(today, OverdueDays), i.DoneOn, i.Result, i.CancelReason);

    public async Task<CarnetEntryDto?> MarkDoneAsync(CurrentUser user, Guid patientId, Guid itemId, DoneInput input, CancellationToken ct)
    {
        var item = await db.CarnetItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PatientId == patientId, ct);
        if (item is null) return null;
        item.Done(input.On ?? clock.Today, input.Result, clock.Today);
        await db.SaveChangesAsync(ct);
        return ToDto(item, clock.Today);
    }

    public async Task<CarnetEntryDto?> CancelAsync(CurrentUser user, Guid patientId, Guid itemId, CancelInput input, CancellationToken ct)
    {
        var item = await db.CarnetItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PatientId == patientId, ct);
        if (item is null) return null;
        item.Cancel(input.Reason);
        await db.SaveChangesAsync(ct);
        return ToDto(item, clock.Today);
    }

    /// <summary>The GP's worklist: overdue items, and those due in the coming weeks, of the patients the access rule lets them see.</summary>
    public async Task<FollowUpWorklist> WorklistAsync(CurrentUser user, int upcomingDays, CancellationToken ct)
    {
        var today = clock.Today;
        var visible = PatientQueries.VisibleIds(db, user, today, clock.Now);
        var overdueBefore = today.AddDays(-OverdueDays);
        var until = today.AddDays(upcomingDays);
        var rows = await (from i in db.CarnetItems.AsNoTracking()
                          join p in db.Patients on i.PatientId equals p.Id
                          where i.Status == CarnetItemStatus.Planned && i.Due <= until && visible.Contains(i.PatientId)
                          orderby i.Due
                          select new { i, p.BirthName, p.UsedName, p.FirstNames })
            .Take(500).ToListAsync(ct);
        var items = rows.Select(x => new WorklistItem(x.i.Id, x.i.PatientId, PatientReader.DisplayName(x.BirthName, x.UsedName, x.FirstNames), x.i.Due,
            x.i.Kind.Label(), x.i.Performer.Label(), x.i.Due < overdueBefore)).ToList();
        return new FollowUpWorklist(items.Where(i => i.Overdue).ToList(), items.Where(i => !i.Overdue && i.Due >= today.AddDays(-OverdueDays)).ToList(), OverdueDays);
    }

    /// <summary>
    /// A marker result arrives: it is stored, the early-return rules of the patient's protocol run on the
    /// series from the same laboratory, and each alert is kept. An early return refers the patient back
    /// to the specialist team (C14 with its referral task); a specialist opinion is asked urgently (C13);
    /// a control assay is added to the carnet at its due date.
    /// </summary>
    /// <summary>Most results one laboratory feed request may carry.</summary>
    public const int MaxBatch = 1000;

    private const string UnenrolledNote = "Patient non inscrit à un protocole de suivi : aucune règle de retour précoce n'est évaluée.";

    public async Task<ObservationResult> RecordObservationAsync(CurrentUser user, Guid patientId, ObservationInput input, CancellationToken ct)
    {
        var observation = Observation.Record(patientId, input.Code, input.Value ?? throw new DomainValidationException("value", "La valeur est obligatoire."),
            input.Unit, input.Effective ?? throw new DomainValidationException("effective", "La date du prélèvement est obligatoire."), input.Laboratory, clock.Today, clock.Now, input.UpperLimit);
        var recorded = await RecordAsync(user, [observation], ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "observation", AuditOutcomes.Allowed, observation.Code.Code()));
        await db.SaveChangesAsync(ct);
        var (alerts, note) = recorded[0];
        return new ObservationResult(ToDto(observation), alerts.Select(ToItem).ToList(), note);
    }

    /// <summary>
    /// A laboratory feed: up to <see cref="MaxBatch"/> results for any patients, recorded with their
    /// early-return rules in one transaction. Every result is checked before anything is written; a
    /// fault names its result (<c>results[3].unit</c>). The access rule is applied to each patient: one
    /// the caller may not write to refuses the whole batch, with the answer given for a patient that
    /// does not exist. The earlier series, the enrolments and the protocols of the whole batch are
    /// read in three queries.
    /// </summary>
    public async Task<(ObservationBatchResult? Result, int? Refused)> RecordObservationBatchAsync(CurrentUser user, ObservationBatchInput input, string resource, CancellationToken ct)
    {
        var results = input.Results ?? throw new DomainValidationException("results", "La liste des résultats est obligatoire.");
        if (results.Count == 0) throw new DomainValidationException("results", "Le lot ne contient aucun résultat.");
        if (results.Count > MaxBatch) throw new DomainValidationException("results", $"Un lot compte au plus {MaxBatch} résultats ; celui-ci en compte {results.Count}.");
        var today = clock.Today;
        var now = clock.Now;
        var observations = new List<Observation>(results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i] ?? throw new DomainValidationException($"results[{i}]", "Résultat vide.");
            try
            {
                if (r.PatientId is not { } patientId || patientId == Guid.Empty) throw new DomainValidationException("patientId", "Le patient est obligatoire.");
                observations.Add(Observation.Record(patientId, r.Code, r.Value ?? throw new DomainValidationException("value", "La valeur est obligatoire."),
                    r.Unit, r.Effective ?? throw new DomainValidationException("effective", "La date du prélèvement est obligatoire."), r.Laboratory, today, now, r.UpperLimit));
            }
            catch (DomainValidationException e)
            {
                throw new DomainValidationException($"results[{i}].{e.Field}", e.Message);
            }
        }

        var decisions = await access.CheckManyAsync(user, observations.Select(o => o.PatientId), AccessKind.Write, resource, ct);
        var refused = observations.FindIndex(o => !decisions[o.PatientId].Granted);
        if (refused >= 0) return (null, refused);

        var recorded = await RecordAsync(user, observations, ct);
        await db.SaveChangesAsync(ct);
        var items = observations.Select((o, i) => new BatchObservationResult(o.PatientId, ToDto(o), recorded[i].Alerts.Select(ToItem).ToList(), recorded[i].Note)).ToList();
        return (new ObservationBatchResult(items.Count, items.Sum(i => i.Alerts.Count), items), null);
    }

    /// <summary>
    /// Adds the results and runs each one's early-return rules against the patient's earlier series
    /// (including the results before it in the same call), acting on what they raise; saving is the caller's.
    /// </summary>
    private async Task<List<(List<StoredAlert> Alerts, string? Note)>> RecordAsync(CurrentUser user, List<Observation> observations, CancellationToken ct)
    {
        var today = clock.Today;
        var now = clock.Now;
        var patientIds = observations.Select(o => o.PatientId).Distinct().ToList();
        var codes = observations.Select(o => o.Code).Distinct().ToList();
        var series = (await db.Observations.AsNoTracking().Where(o => patientIds.Contains(o.PatientId) && codes.Contains(o.Code)).ToListAsync(ct))
            .GroupBy(o => o.PatientId).ToDictionary(g => g.Key, g => g.ToList());
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => patientIds.Contains(e.PatientId)).ToListAsync(ct))
            .GroupBy(e => e.PatientId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.EnrolledAt)!);
        var protocolCodes = enrolments.Values.Select(e => e.ProtocolCode).Distinct().ToList();
        var rules = (await db.Protocols.AsNoTracking().Where(p => protocolCodes.Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => (p.Code, p.Version), p => p.RuleSet);

        var outcomes = new List<(List<StoredAlert>, string?)>(observations.Count);
        foreach (var observation in observations)
        {
            db.Observations.Add(observation);
            if (!series.TryGetValue(observation.PatientId, out var previous)) series[observation.PatientId] = previous = [];
            var raised = new List<StoredAlert>();
            if (!enrolments.TryGetValue(observation.PatientId, out var enrolment))
            {
                outcomes.Add((raised, UnenrolledNote));
                previous.Add(observation);
                continue;
            }
            var alerts = EarlyReturnRules.Evaluate(rules[(enrolment.ProtocolCode, enrolment.ProtocolVersion)], new ObservationContext(enrolment.TreatmentEnd, previous), observation, today);
            foreach (var alert in alerts)
            {
                var stored = StoredAlert.Raise(observation.PatientId, observation.Id, alert, now);
                db.Alerts.Add(stored);
                raised.Add(stored);
                await ActOnAsync(user, stored, enrolment, ct);
            }
            previous.Add(observation);
            outcomes.Add((raised, null));
        }
        return outcomes;
    }

    /// <summary>Clinical early-return criteria reported by the GP or the patient [B].</summary>
    public async Task<AlertItem> ReportCriteriaAsync(CurrentUser user, Guid patientId, ClinicalCriteriaInput input, CancellationToken ct)
    {
        var criteria = ClinicalCriteria.None;
        foreach (var code in input.Criteria ?? [])
        {
            var match = Enum.GetValues<ClinicalCriteria>().Where(c => c != ClinicalCriteria.None).FirstOrDefault(c => c.Code() == code);
            if (match == ClinicalCriteria.None) throw new DomainValidationException("criteria", $"Critère inconnu « {code} ».");
            criteria |= match;
        }
        if (criteria == ClinicalCriteria.None) throw new DomainValidationException("criteria", "Cochez au moins un critère de retour précoce.");
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct)
            ?? throw new DomainValidationException("patientId", "Ce patient ne suit pas de protocole de surveillance.");
        var protocol = await db.Protocols.AsNoTracking().FirstAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
        var reporter = user.Kind == AccessorKind.Patient ? CriteriaReporter.Patient : CriteriaReporter.Gp;
        var alert = EarlyReturnRules.EvaluateClinical(protocol.RuleSet, criteria, reporter, input.ObservedOn ?? clock.Today, clock.Today, input.Note)
            ?? throw new DomainValidationException("criteria", "Aucun critère de retour précoce retenu.");
        var stored = StoredAlert.Raise(patientId, null, alert, clock.Now);
        db.Alerts.Add(stored);
        await ActOnAsync(user, stored, enrolment, ct);
        await db.SaveChangesAsync(ct);
        return ToItem(stored);
    }

    private async Task ActOnAsync(CurrentUser user, StoredAlert alert, Enrolment enrolment, CancellationToken ct)
    {
        var today = clock.Today;
        switch (alert.Action)
        {
            case AlertAction.EarlyReturn:
                var transmission = await obligations.FireAsync(ObligationCode.C14, alert.PatientId, user.Id, null,
                    "Retour précoce vers le spécialiste", alert.Explanation, urgent: true, ct: ct);
                var referral = ReferralTask.Open(alert.PatientId, null, alert.Explanation, today, user.Id, clock.Now);
                db.ReferralTasks.Add(referral);
                alert.Referred(referral.Id, transmission.Id);
                break;
            case AlertAction.SpecialistOpinion:
                var opinion = await obligations.FireAsync(ObligationCode.C13, alert.PatientId, user.Id, null, "Avis spécialisé demandé (marqueur)", alert.Explanation,
                    urgent: alert.Severity == AlertSeverity.Urgent, ct: ct);
                alert.Transmitted(opinion.Id);
                break;
            case AlertAction.ControlAssay when alert.Due is { } due && alert.Severity != AlertSeverity.Info:
                var kind = alert.Rule.StartsWith("ca15-3") ? SurveillanceKind.Ca153 : alert.Rule.StartsWith("cea") ? SurveillanceKind.Cea : SurveillanceKind.Psa;
                db.CarnetItems.Add(CarnetItem.Plan(alert.PatientId, enrolment.Id, new CarnetEntry(due, 0, kind, Performer.Lab), clock.Now));
                break;
        }
    }

    public async Task<AlertList> AlertsAsync(Guid patientId, CancellationToken ct) =>
        new((await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId).OrderByDescending(a => a.RaisedAt).Take(200).ToListAsync(ct)).Select(ToItem).ToList());

    public async Task<IReadOnlyList<ObservationDto>> ObservationsAsync(Guid patientId, string? code, CancellationToken ct)
    {
        var query = db.Observations.AsNoTracking().Where(o => o.PatientId == patientId);
        if (!string.IsNullOrEmpty(code))
        {
            if (!Markers.TryParse(code, out var marker)) throw new DomainValidationException("code", "Marqueur inconnu ; attendu : ca15-3, psa ou cea.");
            query = query.Where(o => o.Code == marker);
        }
        return (await query.OrderBy(o => o.Effective).ThenBy(o => o.RecordedAt).ToListAsync(ct)).Select(ToDto).ToList();
    }

    private static ObservationDto ToDto(Observation o) => new(o.Id, o.Code.Code(), o.Value, o.Unit, o.Effective, o.Laboratory, o.UpperLimit);

    private static AlertItem ToItem(StoredAlert a) => new(a.Id, a.Rule, a.RuleVersion, a.Severity.Code(), a.Action.Code(), a.Due, a.Explanation, a.RaisedAt,
        a.ReferralTaskId, a.HandledAt is not null);

    public async Task<bool> HandleAlertAsync(CurrentUser user, Guid patientId, Guid alertId, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId && a.PatientId == patientId, ct);
        if (alert is null) return false;
        alert.Handle(user.Id, clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<CalendarFeed> CreatePatientFeedAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var feed = CalendarFeed.ForPatient(patientId, user.Id, clock.Now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed;
    }

    public async Task<CalendarFeed> CreateGpFeedAsync(CurrentUser user, CancellationToken ct)
    {
        var feed = CalendarFeed.ForGeneralPractitioner(user.Id, clock.Now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed;
    }

    public async Task<IReadOnlyList<CalendarFeed>> FeedsAsync(CurrentUser user, Guid? patientId, CancellationToken ct) =>
        await db.CalendarFeeds.AsNoTracking().Where(f => f.RevokedAt == null && (patientId == null ? f.Owner == FeedOwner.GeneralPractitioner && f.CreatedBy == user.Id : f.PatientId == patientId))
            .OrderByDescending(f => f.CreatedAt).ToListAsync(ct);

    public async Task<bool> RevokeFeedAsync(CurrentUser user, Guid feedId, Guid? patientId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == feedId && (patientId == null ? f.CreatedBy == user.Id && f.Owner == FeedOwner.GeneralPractitioner : f.PatientId == patientId), ct);
        if (feed is null) return false;
        feed.Revoke(clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public string FeedUrl(CalendarFeed feed) => $"{mail.Value.PublicUrl.TrimEnd('/')}/calendrier/{feed.Token}.ics";

    /// <summary>The iCalendar text of a feed, or null when the token is unknown or revoked. Audited.</summary>
    public async Task<string?> IcsAsync(string token, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var now = clock.Now;
        List<(CarnetItem Item, string Summary)> events;
        string name;
        if (feed.Owner == FeedOwner.Patient)
        {
            var items = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == feed.PatientId).OrderBy(i => i.Due).ToListAsync(ct);
            events = items.Select(i => (i, $"{i.Kind.Label()} ({i.Performer.Label()})")).ToList();
            name = "Mon carnet de suivi — Relais";
            db.AuditEntries.Add(AuditEntry.Create(now, null, "calendar-feed", feed.PatientId, AuditActions.Read, "ics patient feed", AuditOutcomes.Allowed, feed.Id.ToString()));
        }
        else
        {
            var gp = await db.Users.AsNoTracking().Where(u => u.Id == feed.CreatedBy).Select(u => new { u.Id }).FirstAsync(ct);
            var user = new CurrentUser(gp.Id, [Roles.GeneralPractitioner], null);
            var visible = PatientQueries.VisibleIds(db, user, clock.Today, now);
            var rows = await (from i in db.CarnetItems.AsNoTracking()
                              join p in db.Patients on i.PatientId equals p.Id
                              where visible.Contains(i.PatientId) && i.Due >= clock.Today.AddMonths(-3)
                              orderby i.Due
                              select new { i, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate }).Take(5000).ToListAsync(ct);
            // Calendars end up on phones and clouds: initials and birth year only, the details stay in Relais.
            events = rows.Select(x => (x.i, $"Suivi {Initials(x.UsedName ?? x.BirthName, x.FirstNames)} ({x.BirthDate.Year}) : {x.i.Kind.Label()} — {x.i.Performer.Label()}")).ToList();
            name = "Suivis partagés de mes patients — Relais";
            db.AuditEntries.Add(AuditEntry.Create(now, feed.CreatedBy, "calendar-feed", null, AuditActions.Read, "ics gp feed", AuditOutcomes.Allowed, feed.Id.ToString()));
        }
        await db.SaveChangesAsync(ct);
        return ICalendar.Write(name, events.Select(e => new ICalendar.Event($"{e.Item.Id}@relais", e.Item.Due, e.Summary,
            e.Item.Status == CarnetItemStatus.Done ? $"Réalisé le {e.Item.DoneOn:dd/MM/yyyy}" : "Voir le carnet de surveillance dans Relais",
            e.Item.Status == CarnetItemStatus.Cancelled)).ToList(), now);
    }

    private static string Initials(string last, string first) => $"{char.ToUpperInvariant(first.FirstOrDefault(' '))}. {char.ToUpperInvariant(last.FirstOrDefault(' '))}.";

    /// <summary>Reminds patients a week before each planned item (e-mail without clinical text in the subject).</summary>
    public async Task<int> RemindPatientsAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var horizon = today.AddDays(7);
        var due = await (from i in db.CarnetItems
                         join u in db.Users on i.PatientId equals u.PatientId
                         where i.Status == CarnetItemStatus.Planned && i.PatientRemindedAt == null && i.Due >= today && i.Due <= horizon && u.Email != null
                         select new { i, u.Id, u.Email }).Take(500).ToListAsync(ct);
        foreach (var x in due)
        {
            x.i.PatientReminded(clock.Now);
            if (!mail.Value.Enabled) continue;
            var body = $"Bonjour,\n\nUn rendez-vous de votre suivi est prévu le {x.i.Due:dd/MM/yyyy} : {x.i.Kind.Label()} ({x.i.Performer.Label()}).\n"
                + $"Votre carnet de surveillance : {mail.Value.PublicUrl.TrimEnd('/')}/mon-dossier\n\nRelais — votre parcours de soins partagé.";
            db.OutboxMessages.Add(OutboxMessage.Create(x.i.PatientId, OutboxKind.Reminder, null, x.Id, x.Email!, "[Relais] Rappel de votre suivi", body, null, null, mail.Value.Domain, clock.Now));
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
