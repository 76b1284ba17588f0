using Microsoft.EntityFrameworkCore;
using MimeKit;
using Relais.Domain.Messaging;

namespace Relais.Web.Messaging;

/// <summary>
/// How the outbox writes one e-mail: its attachments and, inside the MSSanté space, the CDA in an IHE XDM package; outside
/// it, a notice that carries nothing but the link.
/// </summary>
public sealed partial class OutboxSender
{
    private async Task<Dictionary<Guid, Attachment>> AttachmentsAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        var ids = messages.Where(m => m.AttachmentDocumentId != null).Select(m => m.AttachmentDocumentId!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.PatientId, d.Kind, d.FileName, d.ContentType, d.Content }).ToListAsync(ct);
        return documents.ToDictionary(d => d.Id, d => new Attachment(d.PatientId, d.Kind, d.FileName, d.ContentType, d.Content));
    }

    /// <summary>The CDA of each attached report or PPS that goes to an address of the MSSanté space (written once per document).</summary>
    private async Task<Dictionary<Guid, Features.Cda.CdaFile>> CdasAsync(List<OutboxMessage> messages, Dictionary<Guid, Attachment> attachments,
        Dictionary<Guid, MailPatient> people, MailOptions settings, CancellationToken ct)
    {
        var result = new Dictionary<Guid, Features.Cda.CdaFile>();
        foreach (var m in messages)
        {
            if (m.AttachmentDocumentId is not { } id || result.ContainsKey(id) || !attachments.TryGetValue(id, out var a) || !Features.Cda.CdaExport.HasCda(a.Kind)) continue;
            if (m.PatientId is not { } pid || !MssanteSpace.Admits(m.ToAddress, settings.MssanteSpace, people.GetValueOrDefault(pid)?.QualifiedIns)) continue;
            if (await cdaExport.ForDocumentAsync(a.PatientId, id, ct) is { } cda) result[id] = cda;
        }
        return result;
    }

    private static MimeMessage Build(OutboxMessage message, MailPatient? patient, Dictionary<Guid, Attachment> attachments,
        Dictionary<Guid, Features.Cda.CdaFile> cdas, MailOptions settings, DateTimeOffset now)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.MessageId = message.MessageId.Trim('<', '>');
        mime.Headers.Add("X-Relais-Outbox", message.Id.ToString());
        // Health data and identity travel only inside the MSSanté space: any other address is told that something waits
        // in Relais, with the link, and nothing else (no name, no INS, no obligation, no document).
        if (message.PatientId is not null && !MssanteSpace.Admits(message.ToAddress, settings.MssanteSpace, patient?.QualifiedIns))
        {
            var (subject, text) = MailTexts.OutsideMssante(message.Body, settings);
            mime.Subject = subject;
            mime.Body = new TextPart("plain") { Text = text };
            return mime;
        }
        mime.Subject = message.Subject;
        if (message.ObligationCode is not null) mime.Headers.Add("X-Relais-Obligation", message.ObligationCode);
        if (patient?.QualifiedIns is { } ins) mime.Headers.Add("X-Relais-Patient-INS", ins);
        // A transmission asks for a read receipt (MDN, RFC 8098), which marks it read when it comes back (ReadReceipts).
        if (message.Kind == OutboxKind.Transmission) mime.Headers.Add(HeaderId.DispositionNotificationTo, new MailboxAddress(settings.FromName, settings.From).ToString());
        if (settings.MssanteProductReference is { Length: > 0 } nil) mime.Headers.Add("X-MSS-NIL", nil);
        if (patient?.QualifiedIns is { } box && string.Equals(message.ToAddress.Trim(), MssanteSpace.PatientBox(box), StringComparison.OrdinalIgnoreCase))
            mime.Headers.Add("X-MSS-MES", "FIN");
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.AttachmentDocumentId is { } documentId && attachments.TryGetValue(documentId, out var document))
        {
            if (cdas.TryGetValue(documentId, out var cda) && patient is not null)
            {
                // The CDA travels in an IHE XDM package with its PDF (MSSanté); the PDF also goes alone, for any mail client.
                var zip = XdmPackage.Build(Submission(message, patient, settings, now),
                [
                    new XdmDocument(cda.Content, "text/xml", "DOC0001.XML", cda.LoincCode, cda.Title, "urn:asip:ci-sis:2010"),
                    new XdmDocument(document.Content, document.ContentType, "DOC0002.PDF", cda.LoincCode, cda.Title, "urn:ihe:iti:xds-sd:pdf:2008"),
                ]);
                body.Attachments.Add(XdmPackage.FileName, zip, new ContentType("application", "zip"));
                mime.Headers.Add("X-MSS-CODECDA", cda.LoincCode);
                mime.Headers.Add("X-MSS-INS", cda.QualifiedIns is null ? "N" : "O");
            }
            body.Attachments.Add(document.FileName, document.Content, ContentType.Parse(document.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>The XDS submission of one e-mail: the patient by qualified INS (else by Relais's identifier), sent by Relais to the recipient.</summary>
    private static XdmSubmission Submission(OutboxMessage message, MailPatient patient, MailOptions settings, DateTimeOffset now)
    {
        var patientId = patient.QualifiedIns is { } ins
            ? $"{ins}^^^&{patient.InsOid}&ISO^NH"
            : $"{patient.Id:N}^^^&2.25&ISO^PI";
        var sex = patient.Sex switch { Domain.Patients.Sex.Female => "F", Domain.Patients.Sex.Male => "M", _ => "U" };
        return new XdmSubmission(message.Id, now, patientId, $"{patient.BirthName}^{patient.FirstNames}^^^", patient.BirthDate, sex,
            settings.FromName, settings.FromName, $"|{message.ToAddress}");
    }
}

/// <summary>A document attached to an e-mail.</summary>
internal sealed record Attachment(Guid PatientId, Domain.Documents.DocumentKind Kind, string FileName, string ContentType, byte[] Content);

/// <summary>The patient an e-mail is about: the INS only when qualified (RNIV).</summary>
internal sealed record MailPatient(Guid Id, string? QualifiedIns, string InsOid, string BirthName, string FirstNames, DateOnly BirthDate, Domain.Patients.Sex Sex);
