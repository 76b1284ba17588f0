using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes;

public sealed record ProgrammeInput(Guid? EpisodeId, Guid? TumorBoardCaseId, IReadOnlyList<TreatmentPhase>? Phases, IReadOnlyList<PlannedAssessment>? Assessments,
    string? SupportiveCare, string? Social, IReadOnlyList<ProgrammeContact>? Contacts, Guid? PreviousVersionId, bool GpAgreed);

/// <summary>
/// Issues a PPS or a PPAC: drafted (from the RCP decision for a PPS), rendered as a French A4 document,
/// signed, sent to the GP and the patient (C5 / C11); a new version supersedes the previous one.
/// </summary>
public sealed class IssueProgramme(RelaisDb db, Clock clock, Obligations obligations, DocumentRenderer renderer, ProgrammeHtml html, ProgrammeQueries queries,
    Access.CapabilityCheck capabilities)
{
    public async Task<CareProgramme> HandleAsync(CurrentUser user, Guid patientId, ProgrammeKind kind, ProgrammeInput input, CancellationToken ct)
    {
        var programme = await AddAsync(user, patientId, kind, input, [], null, ct);
        await db.SaveChangesAsync(ct);
        return programme;
    }

    /// <summary>
    /// Adds the programme, its signed document (rendered here, before anything is saved), its
    /// transmission with the outbox rows and the audit row to the caller's unit of work, without
    /// saving: end of treatment issues the PPAC in the same commit as the enrolment and the carnet.
    /// <paramref name="followUp"/> is the surveillance calendar a PPAC shows, <paramref name="afterCancer"/> its after-cancer part.
    /// </summary>
    public async Task<CareProgramme> AddAsync(CurrentUser user, Guid patientId, ProgrammeKind kind, ProgrammeInput input, IReadOnlyList<CalendarLine> followUp,
        AfterCancerPart? afterCancer, CancellationToken ct)
    {
        var (programme, previous, decision) = await DraftAsync(user, patientId, kind, input, afterCancer, ct);
        var now = programme.CreatedAt;
        previous?.MarkSuperseded();
        db.Programmes.Add(programme);

        var pdf = await renderer.PdfAsync(await html.RenderAsync(programme, decision, followUp, ct), ct);
        var label = kind == ProgrammeKind.Pps ? "Programme personnalisé de soins" : "Programme personnalisé de l'après-cancer";
        var title = programme.Version > 1 ? $"{label} (version {programme.Version})" : label;
        var documentKind = kind == ProgrammeKind.Pps ? DocumentKind.Pps : DocumentKind.Ppac;
        var code = DocumentObligations.For(documentKind, signerIsGeneralPractitioner: false)!.Value;
        Guid? documentId = null;
        if (pdf is not null)
        {
            var document = Document.Create(patientId, documentKind, title,
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
            var episode = await db.Episodes.FirstAsync(e => e.Id == programme.EpisodeId, ct);
            if (PathwayTransitions.IsAllowed(episode.Phase, PathwayPhase.CareProgramme) && clock.Today >= episode.PhaseSince)
                db.PathwayEvents.Add(episode.Transition(PathwayPhase.CareProgramme, clock.Today, user.Id, clock.Today, now, "PPS rédigé"));
        }
        return programme;
    }

    /// <summary>
    /// The document exactly as signing would send it, checked by the same rules, with nothing saved: a signature
    /// that sends a document shows it first and asks for confirmation (issue 11).
    /// </summary>
    public async Task<string> PreviewAsync(CurrentUser user, Guid patientId, ProgrammeKind kind, ProgrammeInput input, IReadOnlyList<CalendarLine> followUp,
        AfterCancerPart? afterCancer, CancellationToken ct)
    {
        var (programme, _, decision) = await DraftAsync(user, patientId, kind, input, afterCancer, ct);
        return await html.RenderAsync(programme, decision, followUp, ct);
    }

    /// <summary>Checks the request and drafts the version; the previous one is tracked but left unchanged.</summary>
    private async Task<(CareProgramme Programme, CareProgramme? Previous, string? Decision)> DraftAsync(CurrentUser user, Guid patientId, ProgrammeKind kind, ProgrammeInput input,
        AfterCancerPart? afterCancer, CancellationToken ct)
    {
        // Signing sends the programme to the GP and the patient: a hospital physician's act [G] 2.3.
        await capabilities.RequireAsync(user, Domain.Access.Capability.SignProgramme,
            "Le PPS et le PPAC sont signés par un médecin hospitalier de l'équipe de soins.", ct);
        CareProgramme? previous = null;
        if (input.PreviousVersionId is { } prevId)
        {
            previous = await db.Programmes.FirstOrDefaultAsync(p => p.Id == prevId && p.PatientId == patientId, ct)
                ?? throw new DomainValidationException("previousVersionId", "La version précédente est introuvable.");
            // Revised meanwhile by someone else: a revision of this one would silently drop theirs (409, and the
            // concurrency token on Superseded catches the two revisions that race past this check).
            if (previous.Superseded) throw new StaleVersionException("previousVersionId", previous.Version, previous.Version + 1);
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
        var contacts = input.Contacts is { Count: > 0 } given ? given : await queries.ContactsFromCareTeamAsync(patientId, ct);
        var trials = await Patients.Steps.ManageTrials.ForProgrammeAsync(db, patientId, ct);
        var socialSteps = kind == ProgrammeKind.Ppac ? await Patients.Steps.ManageSteps.ForPpacAsync(db, patientId, ct) : [];
        var content = new ProgrammeContent(input.Phases ?? [], input.Assessments ?? [], Blank(input.SupportiveCare), Blank(input.Social), contacts,
            kind == ProgrammeKind.Ppac ? afterCancer : null, trials.Count > 0 ? trials : null, socialSteps.Count > 0 ? socialSteps : null);
        var now = clock.Now;
        var programme = CareProgramme.Draft(patientId, episodeId, kind, input.TumorBoardCaseId, content, user.Id, now, previous);
        if (kind == ProgrammeKind.Ppac && input.GpAgreed) programme.RecordGpAgreement(now);
        return (programme, previous, decision);
    }

    private async Task<Document?> PreviousDocumentAsync(CareProgramme? previous, CancellationToken ct) =>
        previous?.DocumentId is { } id ? await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
