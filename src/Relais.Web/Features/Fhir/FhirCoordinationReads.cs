using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Documents;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Cda;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// The coordination reads of <c>/fhir</c> — Task, Communication, DocumentReference — each through the access rule
/// (<see cref="PatientAccess"/>, which audits the read or the denial) and the capability of the part read, as the
/// <c>/api</c> reads of the same data: transmissions (read-transmissions), supportive care (read-supportive-care),
/// early-return alerts (read-labs), documents (the kinds the role reads). A patient the caller may not see answers
/// as one that does not exist.
/// </summary>
public sealed class FhirCoordinationReads(RelaisDb db, PatientAccess access, CapabilityCheck capabilities, Clock clock, Portal.Release.PortalViews portal)
{
    /// <summary>The criteria of Task: the owner's reference (Practitioner/&lt;id&gt; or Patient/&lt;id&gt;) and the statuses wanted.</summary>
    public sealed record TaskCriteria(string? Owner, IReadOnlySet<R4.Task.TaskStatus>? Statuses);

    private async Task<ISet<Guid>> ProfessionalsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.PatientId == null).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>
    /// The patient's tasks: each recipient of a transmission (C1–C15), each supportive-care referral, each early-return
    /// alert, the parts the role reads. 404-alike when the rule refuses, 403 when the role reads none of the parts.
    /// </summary>
    public async Task<(IReadOnlyList<R4.Task> Items, FhirRefusal Refusal)> TasksAsync(CurrentUser? user, Guid patientId, TaskCriteria criteria, string resource, CancellationToken ct)
    {
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return ([], FhirRefusal.NotFound);
        var transmissions = await capabilities.AllowsAsync(user, Capability.ReadTransmissions, decision, ct);
        var supportive = await capabilities.AllowsAsync(user, Capability.ReadSupportiveCare, decision, ct);
        var alerts = await capabilities.AllowsAsync(user, Capability.ReadLabs, decision, ct);
        if (!transmissions && !supportive && !alerts)
        {
            await capabilities.CheckAsync(user, [Capability.ReadTransmissions], patientId, decision, resource, false, ct);
            return ([], FhirRefusal.Forbidden);
        }
        var items = new List<R4.Task>();
        // The patient and their caregivers read what was released (issue 14 §3).
        var view = await portal.ForAsync(user, patientId, ct);
        if (transmissions)
        {
            var rows = (await db.Transmissions.AsNoTracking().Include(t => t.Recipients).Where(t => t.PatientId == patientId).OrderBy(t => t.CreatedAt).ToListAsync(ct))
                .Where(t => view.ShowsTransmission(t.Id, t.DocumentId, Portal.Release.PortalView.IsAddressedToPatient(t.Recipients.Select(r => r.Kind)), t.CreatedAt)).ToList();
            var professionals = await ProfessionalsAsync(rows.Select(t => t.SenderId), ct);
            foreach (var t in rows)
                foreach (var r in t.Recipients.OrderBy(r => r.DueAt).ThenBy(r => r.Id))
                    items.Add(FhirCoordinationMapper.ObligationTask(t, r, professionals.Contains(t.SenderId), clock.Now));
        }
        if (supportive)
        {
            var rows = await db.SupportiveReferrals.AsNoTracking().Where(r => r.PatientId == patientId)
                .Join(db.SupportiveCareProviders.AsNoTracking(), r => r.ProviderId, p => p.Id, (r, p) => new { Referral = r, p.Name })
                .ToListAsync(ct);
            items.AddRange(rows.OrderBy(x => x.Referral.ProposedAt).Select(x => FhirCoordinationMapper.SupportiveTask(x.Referral, x.Name)));
        }
        if (alerts)
        {
            var rows = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct);
            items.AddRange(rows.Where(a => view.ShowsAlert(a.Id, a.RaisedAt, a.Marker is null)).OrderBy(a => a.RaisedAt).Select(FhirCoordinationMapper.AlertTask));
        }
        IEnumerable<R4.Task> selected = items;
        if (criteria.Owner is { } owner) selected = selected.Where(t => t.Owner?.Reference == owner);
        if (criteria.Statuses is { } statuses) selected = selected.Where(t => t.Status is { } s && statuses.Contains(s));
        return (selected.ToList(), FhirRefusal.None);
    }

    /// <summary>
    /// Task?owner= without a patient: the tasks the owner answers for, on the records the caller may read — the rule
    /// runs (and audits) on each record that holds one; a record it refuses contributes nothing.
    /// </summary>
    public async Task<IReadOnlyList<R4.Task>> TasksOfOwnerAsync(CurrentUser? user, string owner, Guid ownerId, TaskCriteria criteria, string resource, CancellationToken ct)
    {
        var patients = owner.StartsWith("Patient/", StringComparison.Ordinal)
            ? [ownerId]
            : await db.TransmissionRecipients.AsNoTracking().Where(r => r.RecipientId == ownerId).Select(r => r.PatientId)
                .Union(db.Alerts.AsNoTracking().Where(a => a.HandledBy == ownerId).Select(a => a.PatientId)).Distinct().ToListAsync(ct);
        var items = new List<R4.Task>();
        foreach (var patientId in patients.Order())
        {
            if (owner.StartsWith("Patient/", StringComparison.Ordinal) && !await db.Patients.AsNoTracking().AnyAsync(p => p.Id == patientId, ct)) continue;
            var (tasks, _) = await TasksAsync(user, patientId, criteria, resource, ct);
            items.AddRange(tasks);
        }
        return items;
    }

    /// <summary>The patient whose record holds a task of this id (a recipient row, a supportive referral, an alert).</summary>
    public async Task<Guid?> PatientOfTaskAsync(string id, CancellationToken ct)
    {
        if (id.StartsWith(FhirCoordinationMapper.SupportivePrefix, StringComparison.Ordinal))
            return Guid.TryParseExact(id[FhirCoordinationMapper.SupportivePrefix.Length..], "N", out var referral)
                ? await db.SupportiveReferrals.AsNoTracking().Where(r => r.Id == referral).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct) : null;
        if (id.StartsWith(FhirCoordinationMapper.AlertPrefix, StringComparison.Ordinal))
            return Guid.TryParseExact(id[FhirCoordinationMapper.AlertPrefix.Length..], "N", out var alert)
                ? await db.Alerts.AsNoTracking().Where(a => a.Id == alert).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct) : null;
        return Guid.TryParse(id, out var row)
            ? await db.TransmissionRecipients.AsNoTracking().Where(r => r.Id == row).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct) : null;
    }

    /// <summary>The patient's transmissions as Communications (read-transmissions), optionally one.</summary>
    public async Task<(IReadOnlyList<R4.Communication> Items, FhirRefusal Refusal)> CommunicationsAsync(CurrentUser? user, Guid patientId, Guid? id, string resource, CancellationToken ct)
    {
        var refusal = await CheckAsync(user, patientId, Capability.ReadTransmissions, resource, ct);
        if (refusal != FhirRefusal.None) return ([], refusal);
        var q = db.Transmissions.AsNoTracking().Include(t => t.Recipients).Where(t => t.PatientId == patientId);
        if (id is { } one) q = q.Where(t => t.Id == one);
        var view = await portal.ForAsync(user, patientId, ct);
        var rows = (await q.OrderBy(t => t.CreatedAt).ToListAsync(ct))
            .Where(t => view.ShowsTransmission(t.Id, t.DocumentId, Portal.Release.PortalView.IsAddressedToPatient(t.Recipients.Select(r => r.Kind)), t.CreatedAt)).ToList();
        var professionals = await ProfessionalsAsync(rows.Select(t => t.SenderId), ct);
        return (rows.Select(t => FhirCoordinationMapper.Communication(t, professionals.Contains(t.SenderId))).ToList(), FhirRefusal.None);
    }

    public Task<Guid?> PatientOfTransmissionAsync(Guid id, CancellationToken ct) =>
        db.Transmissions.AsNoTracking().Where(t => t.Id == id).Select(t => (Guid?)t.PatientId).FirstOrDefaultAsync(ct);

    public Task<Guid?> PatientOfDocumentAsync(Guid id, CancellationToken ct) =>
        db.Documents.AsNoTracking().Where(d => d.Id == id && d.SignedAt != null).Select(d => (Guid?)d.PatientId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The patient's signed documents as DocumentReferences, the kinds the role reads (the others are left out, as on
    /// <c>/api</c>), optionally of one kind or one id; the content points at the file and, where Relais writes one, the CDA.
    /// </summary>
    public async Task<(IReadOnlyList<R4.DocumentReference> Items, FhirRefusal Refusal)> DocumentReferencesAsync(CurrentUser? user, Guid patientId, DocumentKind? kind, Guid? id, string apiBase, string resource, CancellationToken ct)
    {
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return ([], FhirRefusal.NotFound);
        if (!await capabilities.CheckAsync(user, [Capability.ReadDocuments], patientId, decision, resource, false, ct)) return ([], FhirRefusal.Forbidden);
        var readable = await capabilities.ReadableKindsAsync(user, decision, ct);
        var all = await db.Documents.AsNoTracking().Where(d => d.PatientId == patientId && d.SignedAt != null)
            .OrderBy(d => d.SignedAt).ThenBy(d => d.Version).ToListAsync(ct);
        var latest = all.GroupBy(d => d.LineageId).ToDictionary(g => g.Key, g => g.Max(d => d.Version));
        var view = await portal.ForAsync(user, patientId, ct);
        var wanted = all.Where(d => readable.Contains(d.Kind) && (kind is null || d.Kind == kind) && (id is null || d.Id == id) && view.ShowsDocument(d.Id, d.Kind, d.CreatedAt)).ToList();
        var reportIds = wanted.Where(d => d.Kind == DocumentKind.TumorBoardReport).Select(d => (Guid?)d.Id).ToList();
        var ppsIds = wanted.Where(d => d.Kind == DocumentKind.Pps).Select(d => (Guid?)d.Id).ToList();
        // A CDA exists where the CDA export writes one: a tumour-board report with its case's proposal, a PPS with its programme.
        var withCda = new HashSet<Guid>();
        if (reportIds.Count > 0)
            withCda.UnionWith(await db.TumorBoardCases.AsNoTracking().Where(c => c.PatientId == patientId && reportIds.Contains(c.ReportDocumentId) && c.Proposal != null)
                .Select(c => c.ReportDocumentId!.Value).ToListAsync(ct));
        if (ppsIds.Count > 0)
            withCda.UnionWith(await db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId && ppsIds.Contains(p.DocumentId)).Select(p => p.DocumentId!.Value).ToListAsync(ct));
        var professionals = await ProfessionalsAsync(wanted.Select(d => d.CreatedBy), ct);
        return (wanted.Select(d => FhirCoordinationMapper.DocumentReference(d, d.Version < latest[d.LineageId], withCda.Contains(d.Id) && CdaExport.HasCda(d.Kind),
            professionals.Contains(d.CreatedBy), apiBase)).ToList(), FhirRefusal.None);
    }

    private async Task<FhirRefusal> CheckAsync(CurrentUser? user, Guid patientId, Capability capability, string resource, CancellationToken ct)
    {
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return FhirRefusal.NotFound;
        return await capabilities.CheckAsync(user, [capability], patientId, decision, resource, false, ct) ? FhirRefusal.None : FhirRefusal.Forbidden;
    }
}
