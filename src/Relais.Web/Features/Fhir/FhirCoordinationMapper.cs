using System.Globalization;
using Relais.Domain.Alerts;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.SupportiveCare;
using ReferralStatus = Relais.Domain.SupportiveCare.ReferralStatus;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// The coordination of the pathway as FHIR R4 resources: each recipient of a transmission under an obligation C1–C15,
/// each supportive-care referral and each early-return alert as a Task; each transmission as a Communication; each
/// signed document as a DocumentReference whose content points at the PDF (and the CDA where Relais writes one).
/// A Task's id tells its source: a recipient row's id, <c>supportive-&lt;id&gt;</c>, <c>alert-&lt;id&gt;</c>.
/// </summary>
public static class FhirCoordinationMapper
{
    public const string ObligationSystem = "https://relais.sante.fr/fhir/CodeSystem/obligation";
    public const string TransmissionStatusSystem = "https://relais.sante.fr/fhir/CodeSystem/transmission-status";
    public const string SupportiveServiceSystem = "https://relais.sante.fr/fhir/CodeSystem/supportive-service";
    public const string ReferralStatusSystem = "https://relais.sante.fr/fhir/CodeSystem/supportive-referral-status";
    public const string AlertRuleSystem = "https://relais.sante.fr/fhir/CodeSystem/early-return-rule";
    public const string DocumentKindSystem = "https://relais.sante.fr/fhir/CodeSystem/document-kind";
    public const string SupportivePrefix = "supportive-";
    public const string AlertPrefix = "alert-";

    private static R4.CodeableConcept Concept(string system, string code, string? display = null) => new() { Coding = [new R4.Coding(system, code, display)] };

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static R4.ResourceReference PatientRef(Guid patientId) => new(FhirMapper.Ref("Patient", patientId));

    /// <summary>The obligation's code as FHIR spells it: C1 to C15.</summary>
    public static string ObligationCodeOf(ObligationCode code) => code.ToString();

    /// <summary>A recipient's hand-over as a Task status: acknowledged is completed, delivered is received, a failed mail failed, otherwise requested.</summary>
    public static R4.Task.TaskStatus StatusOf(TransmissionStatus status, DateTimeOffset? deliveredAt) => status switch
    {
        TransmissionStatus.Acknowledged => R4.Task.TaskStatus.Completed,
        TransmissionStatus.Failed => R4.Task.TaskStatus.Failed,
        _ when deliveredAt is not null => R4.Task.TaskStatus.Received,
        _ => R4.Task.TaskStatus.Requested,
    };

    /// <summary>The owner of a recipient row: the patient for what is addressed to the patient, otherwise the professional.</summary>
    public static string OwnerOf(TransmissionRecipient r) => r.Kind == RecipientKinds.Patient ? FhirMapper.Ref("Patient", r.PatientId) : FhirMapper.Ref("Practitioner", r.RecipientId);

    /// <summary>One recipient of a transmission under an obligation C1–C15, as the Task its owner answers for.</summary>
    public static R4.Task ObligationTask(Transmission t, TransmissionRecipient r, bool senderIsProfessional, DateTimeOffset now)
    {
        var status = r.StatusAt(now);
        var task = new R4.Task
        {
            Id = r.Id.ToString(),
            Status = StatusOf(status, r.DeliveredAt),
            BusinessStatus = Concept(TransmissionStatusSystem, Domain.EnumCodes.Code(status)),
            Intent = R4.Task.TaskIntent.Order,
            Priority = t.Urgent ? R4.RequestPriority.Urgent : R4.RequestPriority.Routine,
            Code = Concept(ObligationSystem, ObligationCodeOf(t.Obligation)),
            Description = t.Title,
            Focus = new R4.ResourceReference(FhirMapper.Ref("Communication", t.Id)),
            For = PatientRef(t.PatientId),
            AuthoredOn = Instant(t.CreatedAt),
            Owner = new R4.ResourceReference(OwnerOf(r)),
            Restriction = new R4.Task.RestrictionComponent { Period = new R4.Period { End = Instant(r.DueAt) } },
        };
        task.Code.Text = "Obligation " + ObligationCodeOf(t.Obligation);
        if (senderIsProfessional) task.Requester = new R4.ResourceReference(FhirMapper.Ref("Practitioner", t.SenderId));
        if (r.DeliveredAt is not null || r.AcknowledgedAt is not null)
            task.ExecutionPeriod = new R4.Period { Start = r.DeliveredAt is { } d ? Instant(d) : null, End = r.AcknowledgedAt is { } a ? Instant(a) : null };
        var last = new[] { r.AcknowledgedAt, r.ReadAt, r.DeliveredAt }.Where(x => x is not null).Select(x => x!.Value).DefaultIfEmpty(t.CreatedAt).Max();
        task.LastModified = Instant(last);
        return task;
    }

    public static R4.Task.TaskStatus StatusOf(ReferralStatus status) => status switch
    {
        ReferralStatus.Proposed => R4.Task.TaskStatus.Requested,
        ReferralStatus.Accepted => R4.Task.TaskStatus.Accepted,
        ReferralStatus.InProgress => R4.Task.TaskStatus.InProgress,
        ReferralStatus.Completed => R4.Task.TaskStatus.Completed,
        ReferralStatus.Declined => R4.Task.TaskStatus.Rejected,
        _ => R4.Task.TaskStatus.Cancelled,
    };

    /// <summary>A referral to a supportive-care provider (issue 13), owned by the provider (named, Relais serves no Organization).</summary>
    public static R4.Task SupportiveTask(SupportiveReferral r, string providerName)
    {
        var task = new R4.Task
        {
            Id = SupportivePrefix + r.Id.ToString("N"),
            Status = StatusOf(r.Status),
            BusinessStatus = Concept(ReferralStatusSystem, Domain.EnumCodes.Code(r.Status)),
            Intent = R4.Task.TaskIntent.Order,
            Code = Concept(SupportiveServiceSystem, Domain.EnumCodes.Code(r.Service)),
            Description = "Orientation en soins de support",
            For = PatientRef(r.PatientId),
            AuthoredOn = Instant(r.ProposedAt),
            LastModified = Instant(r.StatusChangedAt),
            Requester = new R4.ResourceReference(FhirMapper.Ref("Practitioner", r.ProposedBy)),
            Owner = new R4.ResourceReference { Display = providerName },
        };
        if (r.FirstContactOn is { } first) task.ExecutionPeriod = new R4.Period { Start = Day(first) };
        return task;
    }

    /// <summary>An early-return alert (issue 9) as the Task of acting on it: open is requested, taken in charge is in progress, closed by the rules is completed.</summary>
    public static R4.Task AlertTask(StoredAlert a)
    {
        var task = new R4.Task
        {
            Id = AlertPrefix + a.Id.ToString("N"),
            Status = a.ClosedAt is not null ? R4.Task.TaskStatus.Completed : a.HandledAt is not null ? R4.Task.TaskStatus.InProgress : R4.Task.TaskStatus.Requested,
            Intent = R4.Task.TaskIntent.Order,
            Priority = a.Severity == AlertSeverity.Info ? R4.RequestPriority.Routine : R4.RequestPriority.Urgent,
            Code = Concept(AlertRuleSystem, a.Rule),
            Description = "Alerte de retour précoce : " + Domain.EnumCodes.Code(a.Action),
            For = PatientRef(a.PatientId),
            AuthoredOn = Instant(a.RaisedAt),
            LastModified = Instant(a.ClosedAt ?? a.HandledAt ?? a.UpdatedAt ?? a.RaisedAt),
        };
        if (a.ObservationId is { } observation) task.Focus = new R4.ResourceReference(FhirMapper.Ref("Observation", observation));
        if (a.HandledBy is { } by) task.Owner = new R4.ResourceReference(FhirMapper.Ref("Practitioner", by));
        if (a.Due is { } due) task.Restriction = new R4.Task.RestrictionComponent { Period = new R4.Period { End = Day(due) } };
        return task;
    }

    /// <summary>A transmission as a Communication: its obligation, sender, recipients, when it left and (once every recipient has it) when it arrived.</summary>
    public static R4.Communication Communication(Transmission t, bool senderIsProfessional)
    {
        var delivered = t.Recipients.Count > 0 && t.Recipients.All(r => r.DeliveredAt is not null);
        var communication = new R4.Communication
        {
            Id = t.Id.ToString(),
            Status = delivered ? R4.EventStatus.Completed : R4.EventStatus.InProgress,
            Category = [Concept(ObligationSystem, ObligationCodeOf(t.Obligation))],
            Priority = t.Urgent ? R4.RequestPriority.Urgent : R4.RequestPriority.Routine,
            Subject = PatientRef(t.PatientId),
            Topic = new R4.CodeableConcept { Text = t.Title },
            Sent = Instant(t.CreatedAt),
        };
        if (delivered) communication.Received = Instant(t.Recipients.Max(r => r.DeliveredAt!.Value));
        if (senderIsProfessional) communication.Sender = new R4.ResourceReference(FhirMapper.Ref("Practitioner", t.SenderId));
        foreach (var owner in t.Recipients.Where(r => !r.IsEscalation).Select(OwnerOf).Distinct())
            communication.Recipient.Add(new R4.ResourceReference(owner));
        if (t.Message is { Length: > 0 } message) communication.Payload.Add(new R4.Communication.PayloadComponent { Content = new R4.FhirString(message) });
        if (t.DocumentId is { } doc) communication.Payload.Add(new R4.Communication.PayloadComponent { Content = new R4.ResourceReference(FhirMapper.Ref("DocumentReference", doc)) });
        return communication;
    }

    /// <summary>The LOINC code of the document kinds that have one (the CI-SIS codes of the CDA exports).</summary>
    public static string? LoincOf(DocumentKind kind) => kind switch
    {
        DocumentKind.TumorBoardReport => Cda.CdaWriter.FrcpLoinc,
        DocumentKind.Pps => Cda.CdaWriter.PpsLoinc,
        DocumentKind.PathologyReport => "11526-1",
        _ => null,
    };

    /// <summary>
    /// A signed document: its kind, author and signer, and its content — the file at the documents endpoint, and the
    /// CI-SIS CDA at the CDA endpoint when Relais writes one for it. A later version supersedes it.
    /// </summary>
    public static R4.DocumentReference DocumentReference(Document d, bool superseded, bool hasCda, bool authorIsProfessional, string apiBase)
    {
        var type = Concept(DocumentKindSystem, Domain.EnumCodes.Code(d.Kind));
        if (LoincOf(d.Kind) is { } loinc) type.Coding.Add(new R4.Coding(FhirCodesLoinc, loinc));
        type.Text = d.Title;
        var reference = new R4.DocumentReference
        {
            Id = d.Id.ToString(),
            MasterIdentifier = new R4.Identifier("urn:relais:document", $"{d.LineageId:N}.{d.Version.ToString(CultureInfo.InvariantCulture)}"),
            Status = superseded ? R4.DocumentReferenceStatus.Superseded : R4.DocumentReferenceStatus.Current,
            DocStatus = R4.CompositionStatus.Final,
            Type = type,
            Subject = PatientRef(d.PatientId),
            Date = d.SignedAt ?? d.CreatedAt,
            Authenticator = d.SignedBy is { } signer ? new R4.ResourceReference(FhirMapper.Ref("Practitioner", signer)) : null,
            Description = d.Title,
        };
        if (authorIsProfessional) reference.Author.Add(new R4.ResourceReference(FhirMapper.Ref("Practitioner", d.CreatedBy)));
        var documents = $"{apiBase}/api/patients/{d.PatientId}/documents/{d.Id}";
        reference.Content.Add(new R4.DocumentReference.ContentComponent
        {
            Attachment = new R4.Attachment
            {
                ContentType = d.ContentType,
                Url = documents + "/content",
                // No size: the SDK's shared Attachment holds it as an R5 integer64, written as a JSON string, which R4 (unsignedInt) refuses.
                Title = d.FileName,
                Creation = Instant(d.CreatedAt),
            },
        });
        if (hasCda)
            reference.Content.Add(new R4.DocumentReference.ContentComponent
            {
                Attachment = new R4.Attachment { ContentType = "application/xml", Url = documents + "/cda", Title = d.Kind == DocumentKind.Pps ? "CDA R2 CANCER-PPS (CI-SIS)" : "CDA R2 FRCP (CI-SIS)" },
            });
        return reference;
    }

    private const string FhirCodesLoinc = Domain.Interop.FhirCodes.Loinc;
}
