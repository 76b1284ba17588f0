using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Web.Features.Coordination;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Patients;
using Relais.Web.Features.TumorBoards;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes;

public sealed record ProgrammeInput(Guid? EpisodeId, Guid? TumorBoardCaseId, IReadOnlyList<TreatmentPhase>? Phases, IReadOnlyList<PlannedAssessment>? Assessments,
    string? SupportiveCare, string? Social, IReadOnlyList<ProgrammeContact>? Contacts, Guid? PreviousVersionId, bool GpAgreed);

public sealed record ProgrammeDto(Guid Id, ProgrammeKind Kind, Guid EpisodeId, Guid LineageId, int Version, Guid? TumorBoardCaseId, ProgrammeContent Content,
    string Author, DateTimeOffset CreatedAt, DateOnly? HandedToPatientOn, Guid? DocumentId, Guid? TransmissionId, bool Superseded, bool GpAgreed);

public sealed record HandOverInput(DateOnly? On);

public sealed record PhaseStartInput(DateOnly? On);

/// <summary>
/// PPS and PPAC: drafted (from the RCP decision for a PPS), rendered as a French A4 document, signed,
/// sent to the GP and the patient (C5 / C11), revised as new versions; handed to the patient on a date.
/// The first treatment phase starting sends the protocol, its frequent complications and advice to
/// the GP and the community pharmacist (C8).
/// </summary>
public sealed class ProgrammeService(RelaisDb db, Clock clock, Obligations obligations, DocumentRenderer renderer, TumorBoardService boards, PatientReader patients)
{
    public async Task<CareProgramme> IssueAsync(CurrentUser user, Guid patientId, ProgrammeKind kind, ProgrammeInput input, CancellationToken ct,
        IReadOnlyList<CalendarLine>? followUp = null)
    {
        CareProgramme? previous = null;
        if (input.PreviousVersionId is { } prevId)
        {
            previous = await db.Programmes.FirstOrDefaultAsync(p => p.Id == prevId && p.PatientId == patientId, ct)
                ?? throw new DomainValidationException("previousVersionId", "La version précédente est introuvable.");
            if (previous.Superseded) throw new DomainValidationException("previousVersionId", "Cette version a déjà été révisée ; partez de la dernière.");
        }
        var episodeId = input.EpisodeId ?? previous?.EpisodeId ?? throw new DomainValidationException("episodeId", "Choisissez l'épisode de cancer.");
        if (!await db.Episodes.AnyAsync(e => e.Id == episodeId && e.PatientId == patientId, ct))
            throw new DomainValidationException("episodeId", "Cet épisode n'appartient pas à ce patient.");
        string? decision = null;
        if (input.TumorBoardCaseId is { } caseId)
        {
            var c = await db.TumorBoardCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct)
                ?? throw new DomainValidationException("tumorBoardCaseId", "Ce dossier de RCP n'appartient pas à ce patient.");
            if (c.Proposal is null) throw new DomainValidationException("tumorBoardCaseId", "La RCP n'a pas encore rendu sa décision.");
            decision = c.Proposal;
        }
        var contacts = input.Contacts is { Count: > 0 } given ? given : await ContactsFromCareTeamAsync(patientId, ct);
        var content = new ProgrammeContent(input.Phases ?? [], input.Assessments ?? [], Blank(input.SupportiveCare), Blank(input.Social), contacts);
        var now = clock.Now;
        var programme = CareProgramme.Draft(patientId, episodeId, kind, input.TumorBoardCaseId, content, user.Id, now, previous);
        if (kind == ProgrammeKind.Ppac && input.GpAgreed) programme.RecordGpAgreement(now);
        previous?.MarkSuperseded();
        db.Programmes.Add(programme);

        var html = await HtmlAsync(programme, decision, followUp ?? [], user, ct);
        var pdf = await renderer.PdfAsync(html, ct);
        var label = kind == ProgrammeKind.Pps ? "Programme personnalisé de soins" : "Programme personnalisé de l'après-cancer";
        var title = programme.Version > 1 ? $"{label} (version {programme.Version})" : label;
        var code = kind == ProgrammeKind.Pps ? ObligationCode.C5 : ObligationCode.C11;
        Guid? documentId = null;
        if (pdf is not null)
        {
            var document = Document.Create(patientId, kind == ProgrammeKind.Pps ? DocumentKind.Pps : DocumentKind.Ppac, title,
                kind == ProgrammeKind.Pps ? "pps.pdf" : "ppac.pdf", pdf, user.Id, now, await PreviousDocumentAsync(previous, ct));
            document.Sign(user.Id, now);
            db.Documents.Add(document);
            documentId = document.Id;
        }
        var transmission = await obligations.FireAsync(code, patientId, user.Id, documentId, title,
            documentId is null ? $"{label}, version {programme.Version} : consultable dans Relais." : null, ct: ct);
        programme.Rendered(documentId, transmission.Id);

        // The pathway records the PPS when its phase allows it.
        if (kind == ProgrammeKind.Pps && previous is null)
        {
            var episode = await db.Episodes.FirstAsync(e => e.Id == episodeId, ct);
            if (PathwayTransitions.IsAllowed(episode.Phase, PathwayPhase.CareProgramme) && clock.Today >= episode.PhaseSince)
                db.PathwayEvents.Add(episode.Transition(PathwayPhase.CareProgramme, clock.Today, user.Id, clock.Today, now, "PPS rédigé"));
        }
        await db.SaveChangesAsync(ct);
        return programme;
    }

    private async Task<Document?> PreviousDocumentAsync(CareProgramme? previous, CancellationToken ct) =>
        previous?.DocumentId is { } id ? await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The useful contacts, filled from the active care team: the GP among them [G].</summary>
    public async Task<IReadOnlyList<ProgrammeContact>> ContactsFromCareTeamAsync(Guid patientId, CancellationToken ct)
    {
        var team = await patients.CareTeamAsync(patientId, ct);
        return team.Where(m => m.Active).Select(m => new ProgrammeContact(m.Professional.DisplayName, CareTeamRoleLabels.French(m.Role), m.Professional.Organisation, null)).ToList();
    }

    public async Task<string?> HtmlAsync(Guid patientId, Guid programmeId, CurrentUser user, CancellationToken ct, IReadOnlyList<CalendarLine>? followUp = null)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return null;
        var decision = programme.TumorBoardCaseId is { } c ? await db.TumorBoardCases.Where(x => x.Id == c).Select(x => x.Proposal).FirstOrDefaultAsync(ct) : null;
        return await HtmlAsync(programme, decision, followUp ?? [], user, ct);
    }

    private async Task<string> HtmlAsync(CareProgramme programme, string? decision, IReadOnlyList<CalendarLine> followUp, CurrentUser user, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == programme.AuthorId).Select(u => u.FirstName + " " + u.LastName).FirstAsync(ct);
        var model = new ProgrammeModel(programme.Kind, programme.Version, author, programme.CreatedAt, await boards.PatientHeaderAsync(programme.PatientId, ct),
            await boards.EpisodeHeaderAsync(programme.EpisodeId, ct), programme.Content, decision, programme.GpAgreed, followUp);
        return await renderer.HtmlAsync<ProgrammeDocument>(new Dictionary<string, object?> { ["Model"] = model });
    }

    public async Task<IReadOnlyList<ProgrammeDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Version).ToListAsync(ct);
        var ids = rows.Select(r => r.AuthorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, ct);
        return rows.Select(p => new ProgrammeDto(p.Id, p.Kind, p.EpisodeId, p.LineageId, p.Version, p.TumorBoardCaseId, p.Content, names.GetValueOrDefault(p.AuthorId, "?"),
            p.CreatedAt, p.HandedToPatientOn, p.DocumentId, p.TransmissionId, p.Superseded, p.GpAgreed)).ToList();
    }

    public async Task<bool> HandOverAsync(Guid patientId, Guid programmeId, HandOverInput input, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return false;
        programme.HandedToPatient(input.On ?? clock.Today, clock.Today);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Starts a treatment phase; the first one fires C8 to the GP and the pharmacist and moves the pathway to active treatment.</summary>
    public async Task<bool> StartPhaseAsync(CurrentUser user, Guid patientId, Guid programmeId, int order, PhaseStartInput input, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return false;
        var on = input.On ?? clock.Today;
        var first = programme.StartPhase(order, on, clock.Today);
        if (first)
        {
            var phase = programme.Content.Phases.First(p => p.Order == order);
            var message = $"Début du traitement le {on:dd/MM/yyyy} : {phase.Description}."
                + (phase.FrequentComplications is null ? "" : $"\nComplications les plus fréquentes : {phase.FrequentComplications}")
                + (phase.Advice is null ? "" : $"\nConseils : {phase.Advice}");
            await obligations.FireAsync(ObligationCode.C8, patientId, user.Id, null, "Début du traitement : protocole, complications et conseils", message, ct: ct);
            var episode = await db.Episodes.FirstAsync(e => e.Id == programme.EpisodeId, ct);
            if (PathwayTransitions.IsAllowed(episode.Phase, PathwayPhase.ActiveTreatment) && on >= episode.PhaseSince)
                db.PathwayEvents.Add(episode.Transition(PathwayPhase.ActiveTreatment, on, user.Id, clock.Today, clock.Now, phase.Description));
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
