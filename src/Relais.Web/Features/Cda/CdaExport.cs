using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Documents;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;

namespace Relais.Web.Features.Cda;

/// <summary>A document's CDA: its bytes, file name and LOINC document code (the MSSanté X-MSS-CODECDA).</summary>
public sealed record CdaFile(byte[] Content, string FileName, string LoincCode, string Title, string? QualifiedIns);

/// <summary>
/// The CDA of a decided tumor-board case (FRCP) or a PPS version (CANCER-PPS), written from the same immutable sources
/// as its PDF (the decided case, the PPS version). When the PDF was filed as a signed document, the CDA bears that
/// document's identity, version and signature; when Relais could not print it (no Chromium, as in the demo story), the
/// case or the PPS version is the document: its id, the decider or author, the decision or writing time. An uploaded
/// PDF, an unsigned version, a PPAC or any other kind has none (null). Access was checked by the caller.
/// </summary>
public sealed class CdaExport(RelaisDb db)
{
    public static bool HasCda(DocumentKind kind) => kind is DocumentKind.TumorBoardReport or DocumentKind.Pps;

    /// <summary>The identity and signature the CDA carries: the filed document's, or the case's or PPS version's own.</summary>
    private sealed record Signed(Guid DocumentId, Guid LineageId, int Version, string? Title, DateTimeOffset SignedAt, Guid SignedBy);

    public async Task<CdaFile?> ForDocumentAsync(Guid patientId, Guid documentId, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.PatientId == patientId)
            .Select(d => new { d.Id, d.LineageId, d.Version, d.Kind, d.Title, d.SignedAt, d.SignedBy }).FirstOrDefaultAsync(ct);
        if (doc?.SignedAt is null || doc.SignedBy is null || !HasCda(doc.Kind)) return null;
        var signed = new Signed(doc.Id, doc.LineageId, doc.Version, doc.Title, doc.SignedAt.Value, doc.SignedBy.Value);
        if (doc.Kind == DocumentKind.TumorBoardReport)
        {
            var c = await db.TumorBoardCases.AsNoTracking().FirstOrDefaultAsync(x => x.ReportDocumentId == documentId && x.PatientId == patientId, ct);
            return c?.Proposal is null ? null : await FrcpAsync(c, signed, ct);
        }
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.DocumentId == documentId && p.PatientId == patientId, ct);
        return programme is null ? null : await PpsAsync(programme, signed, ct);
    }

    /// <summary>The FRCP of a decided case: its filed report's when there is one, else the case's own (decided by, decided at).</summary>
    public async Task<CdaFile?> ForCaseAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        var c = await db.TumorBoardCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
        if (c?.Proposal is null || c.DecidedBy is null || c.DecidedAt is null) return null;
        if (c.ReportDocumentId is { } documentId) return await ForDocumentAsync(patientId, documentId, ct);
        return await FrcpAsync(c, new Signed(c.Id, c.Id, 1, null, c.DecidedAt.Value, c.DecidedBy.Value), ct);
    }

    /// <summary>The CANCER-PPS of a PPS version: its signed document's when there is one, else the version's own (author, written at).</summary>
    public async Task<CdaFile?> ForProgrammeAsync(Guid patientId, Guid programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == programmeId && x.PatientId == patientId && x.Kind == ProgrammeKind.Pps, ct);
        if (p is null) return null;
        if (p.DocumentId is { } documentId) return await ForDocumentAsync(patientId, documentId, ct);
        return await PpsAsync(p, new Signed(p.Id, p.LineageId, p.Version, $"Programme personnalisé de soins (version {p.Version})", p.CreatedAt, p.AuthorId), ct);
    }

    private async Task<CdaFile> FrcpAsync(TumorBoardCase c, Signed signed, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).FirstAsync(m => m.Id == c.MeetingId, ct);
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        var participantIds = meeting.Participants.Where(p => p.Presence != Presence.Absent).Select(p => p.ProfessionalId).ToList();
        var people = await ProfessionalsAsync([.. participantIds, c.PresentingPhysicianId, signed.SignedBy], ct);
        var title = signed.Title ?? $"Compte rendu — {board.Name} du {Clock.ToParis(meeting.StartsAt):dd/MM/yyyy}";
        var header = await HeaderAsync(c.PatientId, signed with { Title = title }, people[signed.SignedBy], c.EpisodeId, board.OrganisationId, ct);
        var xml = CdaWriter.Frcp(header, new FrcpContent(board.Id, board.Name, meeting.Id, meeting.StartsAt, meeting.Location, c.Id,
            participantIds.Where(people.ContainsKey).Select(id => people[id]).ToList(), people[c.PresentingPhysicianId], c.Question, c.IsRecurrence,
            c.GpContribution, c.Proposal!, c.Guideline));
        return Finish(xml, "frcp", CdaWriter.FrcpLoinc, header);
    }

    private async Task<CdaFile> PpsAsync(CareProgramme programme, Signed signed, CancellationToken ct)
    {
        var decision = programme.TumorBoardCaseId is { } caseId
            ? await db.TumorBoardCases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.Proposal).FirstOrDefaultAsync(ct)
            : null;
        var author = await ProfessionalsAsync([signed.SignedBy], ct);
        var organisationId = await db.Users.AsNoTracking().Where(u => u.Id == signed.SignedBy).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        var header = await HeaderAsync(programme.PatientId, signed, author[signed.SignedBy], programme.EpisodeId, organisationId, ct);
        var xml = CdaWriter.Pps(header, new PpsContent(programme.Content.Phases, programme.Content.Assessments, programme.Content.SupportiveCare, programme.Content.Social,
            programme.Content.Contacts, decision));
        return Finish(xml, "cancer-pps", CdaWriter.PpsLoinc, header);
    }

    private static CdaFile Finish(XDocument xml, string stem, string code, CdaHeader header)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            xml.Save(writer);
        return new CdaFile(stream.ToArray(), $"{stem}-v{header.Version}.xml", code, header.Title, header.Patient.QualifiedIns);
    }

    private async Task<Dictionary<Guid, CdaProfessional>> ProfessionalsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Rpps, u.FirstName, u.LastName, u.Specialty }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => new CdaProfessional(u.Id, u.Rpps, u.FirstName, u.LastName, u.Specialty));

    private async Task<CdaHeader> HeaderAsync(Guid patientId, Signed signed, CdaProfessional author, Guid episodeId, Guid? organisationId, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstAsync(x => x.Id == patientId, ct);
        var qualified = IdentityStatuses.MayLeaveRelais(p.IdentityStatus);
        var patient = new CdaPatient(p.Id, qualified ? p.Ins : null, p.InsOid ?? InsOids.Nir, p.BirthName, p.UsedName, p.FirstNames, p.Sex, p.BirthDate, p.Address);
        var gp = p.GeneralPractitionerId is { } gpId ? (await ProfessionalsAsync([gpId], ct)).GetValueOrDefault(gpId) : null;
        var org = organisationId is { } oid ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        var e = await db.Episodes.AsNoTracking().FirstAsync(x => x.Id == episodeId, ct);
        return new CdaHeader(signed.DocumentId, signed.LineageId, signed.Version, signed.Title ?? "", signed.SignedAt, patient, author,
            org is null ? new CdaOrganisation(Guid.Empty, "Relais", null, null, null) : new CdaOrganisation(org.Id, org.Name, org.Finess, org.PostalCode, org.City), gp,
            new CdaDiagnosis(e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Laterality, e.Histology, e.HistologyLabel, e.DiagnosisDate, e.ClinicalT, e.ClinicalN, e.ClinicalM, e.StageGroup));
    }
}
