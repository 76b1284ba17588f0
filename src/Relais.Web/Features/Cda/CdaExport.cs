using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Documents;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Data;

namespace Relais.Web.Features.Cda;

/// <summary>A document's CDA: its bytes, file name and LOINC document code (the MSSanté X-MSS-CODECDA).</summary>
public sealed record CdaFile(byte[] Content, string FileName, string LoincCode, string Title, string? QualifiedIns);

/// <summary>
/// The CDA of a signed tumor-board report or PPS that Relais produced, written from the same immutable sources
/// as its PDF (the decided case, the signed PPS version) and bearing the PDF's identity, version and signature.
/// An uploaded PDF, an unsigned version, a PPAC or any other kind has none (null). Access was checked by the caller.
/// </summary>
public sealed class CdaExport(RelaisDb db)
{
    public static bool HasCda(DocumentKind kind) => kind is DocumentKind.TumorBoardReport or DocumentKind.Pps;

    public async Task<CdaFile?> ForDocumentAsync(Guid patientId, Guid documentId, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.PatientId == patientId)
            .Select(d => new { d.Id, d.LineageId, d.Version, d.Kind, d.Title, d.SignedAt, d.SignedBy }).FirstOrDefaultAsync(ct);
        if (doc is null || doc.SignedAt is null || !HasCda(doc.Kind)) return null;
        XDocument xml;
        string code;
        if (doc.Kind == DocumentKind.TumorBoardReport)
        {
            var c = await db.TumorBoardCases.AsNoTracking().FirstOrDefaultAsync(x => x.ReportDocumentId == documentId && x.PatientId == patientId, ct);
            if (c?.Proposal is null) return null;
            var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).FirstAsync(m => m.Id == c.MeetingId, ct);
            var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
            var participantIds = meeting.Participants.Where(p => p.Presence != Domain.TumorBoards.Presence.Absent).Select(p => p.ProfessionalId).ToList();
            var people = await ProfessionalsAsync([.. participantIds, c.PresentingPhysicianId, doc.SignedBy!.Value], ct);
            var header = await HeaderAsync(patientId, doc.Id, doc.LineageId, doc.Version, doc.Title, doc.SignedAt.Value, people[doc.SignedBy.Value], c.EpisodeId, board.OrganisationId, ct);
            xml = CdaWriter.Frcp(header, new FrcpContent(board.Id, board.Name, meeting.Id, meeting.StartsAt, meeting.Location, c.Id,
                participantIds.Where(people.ContainsKey).Select(id => people[id]).ToList(), people[c.PresentingPhysicianId], c.Question, c.IsRecurrence,
                c.GpContribution, c.Proposal, c.Guideline));
            code = CdaWriter.FrcpLoinc;
            return Finish(xml, "frcp", code, header);
        }
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.DocumentId == documentId && p.PatientId == patientId, ct);
        if (programme is null) return null;
        var decision = programme.TumorBoardCaseId is { } caseId
            ? await db.TumorBoardCases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.Proposal).FirstOrDefaultAsync(ct)
            : null;
        var author = await ProfessionalsAsync([doc.SignedBy!.Value], ct);
        var organisationId = await db.Users.AsNoTracking().Where(u => u.Id == doc.SignedBy).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        var ppsHeader = await HeaderAsync(patientId, doc.Id, doc.LineageId, doc.Version, doc.Title, doc.SignedAt.Value, author[doc.SignedBy.Value], programme.EpisodeId, organisationId, ct);
        xml = CdaWriter.Pps(ppsHeader, new PpsContent(programme.Content.Phases, programme.Content.Assessments, programme.Content.SupportiveCare, programme.Content.Social,
            programme.Content.Contacts, decision));
        return Finish(xml, "cancer-pps", CdaWriter.PpsLoinc, ppsHeader);
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

    private async Task<CdaHeader> HeaderAsync(Guid patientId, Guid documentId, Guid lineageId, int version, string title, DateTimeOffset signedAt, CdaProfessional author,
        Guid episodeId, Guid? organisationId, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstAsync(x => x.Id == patientId, ct);
        var qualified = IdentityStatuses.MayLeaveRelais(p.IdentityStatus);
        var patient = new CdaPatient(p.Id, qualified ? p.Ins : null, p.InsOid ?? InsOids.Nir, p.BirthName, p.UsedName, p.FirstNames, p.Sex, p.BirthDate, p.Address);
        var gp = p.GeneralPractitionerId is { } gpId ? (await ProfessionalsAsync([gpId], ct)).GetValueOrDefault(gpId) : null;
        var org = organisationId is { } oid ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        var e = await db.Episodes.AsNoTracking().FirstAsync(x => x.Id == episodeId, ct);
        return new CdaHeader(documentId, lineageId, version, title, signedAt, patient, author,
            org is null ? new CdaOrganisation(Guid.Empty, "Relais", null, null, null) : new CdaOrganisation(org.Id, org.Name, org.Finess, org.PostalCode, org.City), gp,
            new CdaDiagnosis(e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Laterality, e.Histology, e.HistologyLabel, e.DiagnosisDate, e.ClinicalT, e.ClinicalN, e.ClinicalM, e.StageGroup));
    }
}
