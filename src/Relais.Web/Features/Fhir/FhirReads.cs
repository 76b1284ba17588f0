using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Domain.Interop;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>Why a read answered nothing: the record is not there for the caller (404, as for a missing one), or the role does not read that part (403).</summary>
public enum FhirRefusal { None, NotFound, Forbidden }

/// <summary>
/// The reads of <c>/fhir</c>, each through the access rule (<see cref="PatientAccess"/>, which audits the read or the
/// denial) and the capability table (<see cref="CapabilityCheck"/>), as the <c>/api</c> reads of the same data.
/// A patient the caller may not see answers as a patient that does not exist: 404 on a read, an empty searchset on a search.
/// </summary>
public sealed class FhirReads(RelaisDb db, PatientAccess access, CapabilityCheck capabilities, ListAudit listAudit, Clock clock, Portal.Release.PortalViews portal)
{
    /// <summary>Applies the rule and the capability to one patient's data; the rule audits the read (or the denial).</summary>
    public async Task<FhirRefusal> CheckAsync(CurrentUser? user, Guid patientId, Capability capability, string resource, CancellationToken ct)
    {
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return FhirRefusal.NotFound;
        return await capabilities.CheckAsync(user, [capability], patientId, decision, resource, false, ct) ? FhirRefusal.None : FhirRefusal.Forbidden;
    }

    public async Task<(R4.Patient? Patient, FhirRefusal Refusal)> PatientAsync(CurrentUser? user, Guid id, string resource, CancellationToken ct)
    {
        var refusal = await CheckAsync(user, id, Capability.ReadRecord, resource, ct);
        if (refusal != FhirRefusal.None) return (null, refusal);
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        return (FhirMapper.Patient(patient), FhirRefusal.None);
    }

    /// <summary>
    /// Patient?identifier=system|value (an INS-NIR, real or test OID) or Patient?_id: the one record, if the caller may
    /// read it; without a criterion, the patients the caller may see, a page at a time, each one audited as shown.
    /// </summary>
    public async Task<(IReadOnlyList<R4.Patient> Page, int Total)> SearchPatientsAsync(CurrentUser user, string? identifier, Guid? id, int offset, int count, string resource, CancellationToken ct)
    {
        Guid? target = id;
        if (identifier is not null)
        {
            var (system, value) = SplitToken(identifier);
            if (system is not null && !FhirCodes.IsInsSystem(system)) return ([], 0);
            var ins = value.Replace(" ", "", StringComparison.Ordinal);
            target = await db.Patients.AsNoTracking().Where(p => p.Ins == ins).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            // Denial audited on the record the INS names, and the same empty answer as for an unknown INS.
            if (target is null) return ([], 0);
        }
        if (target is { } one)
        {
            var (patient, refusal) = await PatientAsync(user, one, resource, ct);
            return patient is null || refusal != FhirRefusal.None ? ([], 0) : ([patient], 1);
        }
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var query = db.Patients.AsNoTracking().Where(p => visible.Contains(p.Id));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.SearchKey).ThenBy(p => p.Id).Skip(offset).Take(count).ToListAsync(ct);
        listAudit.Add(user.Id, user.PrimaryRole, rows.Select(r => r.Id), resource);
        await db.SaveChangesAsync(ct);
        return (rows.Select(FhirMapper.Patient).ToList(), total);
    }

    public async Task<R4.Practitioner?> PractitionerAsync(Guid id, CancellationToken ct)
    {
        var professional = await db.Users.AsNoTracking().Where(u => u.Id == id && u.PatientId == null && (u.Rpps != null || u.Specialty != Domain.Professionals.Specialty.None))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Rpps }).FirstOrDefaultAsync(ct);
        return professional is null ? null : FhirMapper.Practitioner(professional.Id, professional.FirstName, professional.LastName, professional.Rpps);
    }

    public async Task<(IReadOnlyList<R4.Condition> Items, FhirRefusal Refusal)> ConditionsAsync(CurrentUser? user, Guid patientId, Guid? episodeId, string resource, CancellationToken ct)
    {
        var refusal = await CheckAsync(user, patientId, Capability.ReadRecord, resource, ct);
        if (refusal != FhirRefusal.None) return ([], refusal);
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId && (episodeId == null || e.Id == episodeId)).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return (episodes.Select(e => FhirMapper.Condition(e.Id, e.PatientId, FhirMapper.DetailsOf(e), e.Phase)).ToList(), FhirRefusal.None);
    }

    /// <summary>The patient an episode belongs to (for Condition/{id} and a TNM Observation/{id}), or null.</summary>
    public Task<Guid?> PatientOfEpisodeAsync(Guid episodeId, CancellationToken ct) =>
        db.Episodes.AsNoTracking().Where(e => e.Id == episodeId).Select(e => (Guid?)e.PatientId).FirstOrDefaultAsync(ct);

    public Task<Guid?> PatientOfMarkerAsync(Guid observationId, CancellationToken ct) =>
        db.Observations.AsNoTracking().Where(o => o.Id == observationId).Select(o => (Guid?)o.PatientId).FirstOrDefaultAsync(ct);

    public Task<Guid?> PatientOfProgrammeAsync(Guid programmeId, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(o => o.Id == programmeId).Select(o => (Guid?)o.PatientId).FirstOrDefaultAsync(ct);

    /// <summary>The search criteria of Observation: a code (LOINC marker or SNOMED CT TNM part, system optional) and date bounds.</summary>
    public sealed record ObservationCriteria(string? CodeSystem, string? Code, DateOnly? From, DateOnly? To, bool FromExclusive, bool ToExclusive);

    /// <summary>
    /// The patient's observations: tumour markers (LOINC, read as the labs are) and the TNM categories and stage groups
    /// of each episode (mCODE, read as the record is), filtered by code and date.
    /// </summary>
    public async Task<(IReadOnlyList<R4.Observation> Items, FhirRefusal Refusal)> ObservationsAsync(CurrentUser? user, Guid patientId, ObservationCriteria criteria, string resource, CancellationToken ct)
    {
        var wantsMarkers = criteria.Code is null || criteria.CodeSystem is null or FhirCodes.Loinc;
        var wantsTnm = criteria.Code is null || criteria.CodeSystem is null or FhirCodes.Snomed;
        Marker? marker = criteria.Code is null ? null : FhirCodes.MarkerOfLoinc(criteria.Code);
        var tnmPart = criteria.Code is null ? null : FhirCodes.TnmPartOf(criteria.Code);
        if (criteria.Code is not null) { wantsMarkers &= marker is not null; wantsTnm &= tnmPart is not null; }

        // The access rule always runs (and audits), whatever the criteria select.
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return ([], FhirRefusal.NotFound);
        var items = new List<R4.Observation>();
        if (wantsMarkers)
        {
            if (!await capabilities.CheckAsync(user, [Capability.ReadLabs], patientId, decision, resource, false, ct)) return ([], FhirRefusal.Forbidden);
            var q = db.Observations.AsNoTracking().Where(o => o.PatientId == patientId);
            if (marker is { } m) q = q.Where(o => o.Code == m);
            if (criteria.From is { } from) q = criteria.FromExclusive ? q.Where(o => o.Effective > from) : q.Where(o => o.Effective >= from);
            if (criteria.To is { } to) q = criteria.ToExclusive ? q.Where(o => o.Effective < to) : q.Where(o => o.Effective <= to);
            // The LOINC code of a marker, ultrasensitive PSA included, is always emitted as the marker's own code.
            // The patient and their caregivers read a result once released (issue 14 §3).
            var view = await portal.ForAsync(user, patientId, ct);
            items.AddRange((await q.OrderBy(o => o.Effective).ThenBy(o => o.RecordedAt).ToListAsync(ct)).Where(o => view.ShowsObservation(o.Id, o.Effective)).Select(FhirMapper.Marker));
        }
        if (wantsTnm)
        {
            if (!await capabilities.CheckAsync(user, [Capability.ReadRecord], patientId, decision, resource, false, ct)) return ([], FhirRefusal.Forbidden);
            var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.CreatedAt).ToListAsync(ct);
            foreach (var e in episodes)
            {
                // The staging is dated by the diagnosis: a date criterion keeps it only when the diagnosis date satisfies it.
                var date = e.DiagnosisDate;
                if ((criteria.From is not null || criteria.To is not null) && date is null) continue;
                if (criteria.From is { } from && (criteria.FromExclusive ? date <= from : date < from)) continue;
                if (criteria.To is { } to && (criteria.ToExclusive ? date >= to : date > to)) continue;
                foreach (var (part, value) in FhirMapper.TnmValues(FhirMapper.DetailsOf(e)))
                    if (tnmPart is null || tnmPart == part) items.Add(FhirMapper.Tnm(e.Id, e.PatientId, part, value, date));
            }
        }
        return (items, FhirRefusal.None);
    }

    public async Task<(R4.Observation? Item, FhirRefusal Refusal)> ObservationAsync(CurrentUser? user, string id, string resource, CancellationToken ct)
    {
        if (FhirMapper.TryParseTnmId(id, out var episodeId, out var part))
        {
            if (await PatientOfEpisodeAsync(episodeId, ct) is not { } owner) return (null, FhirRefusal.NotFound);
            var refusal = await CheckAsync(user, owner, Capability.ReadRecord, resource, ct);
            if (refusal != FhirRefusal.None) return (null, refusal);
            var episode = await db.Episodes.AsNoTracking().FirstAsync(e => e.Id == episodeId, ct);
            var value = FhirMapper.TnmValues(FhirMapper.DetailsOf(episode)).Where(v => v.Part == part).Select(v => v.Value).FirstOrDefault();
            return value is null ? (null, FhirRefusal.NotFound) : (FhirMapper.Tnm(episode.Id, episode.PatientId, part, value, episode.DiagnosisDate), FhirRefusal.None);
        }
        if (!Guid.TryParse(id, out var observationId) || await PatientOfMarkerAsync(observationId, ct) is not { } patientId)
            return (null, FhirRefusal.NotFound);
        var r = await CheckAsync(user, patientId, Capability.ReadLabs, resource, ct);
        if (r != FhirRefusal.None) return (null, r);
        var observation = await db.Observations.AsNoTracking().FirstAsync(o => o.Id == observationId, ct);
        if (!(await portal.ForAsync(user, patientId, ct)).ShowsObservation(observation.Id, observation.Effective)) return (null, FhirRefusal.NotFound);
        return (FhirMapper.Marker(observation), FhirRefusal.None);
    }

    /// <summary>The patient's PPS and PPAC (every version; a superseded one is revoked), optionally of one category (pps, ppac).</summary>
    public async Task<(IReadOnlyList<R4.CarePlan> Items, FhirRefusal Refusal)> CarePlansAsync(CurrentUser? user, Guid patientId, ProgrammeKind? kind, Guid? id, string resource, CancellationToken ct)
    {
        var refusal = await CheckAsync(user, patientId, Capability.ReadTreatment, resource, ct);
        if (refusal != FhirRefusal.None) return ([], refusal);
        var q = db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId);
        if (kind is { } k) q = q.Where(p => p.Kind == k);
        if (id is { } one) q = q.Where(p => p.Id == one);
        var rows = await q.OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return (rows.Select(FhirMapper.CarePlan).ToList(), FhirRefusal.None);
    }

    /// <summary>A token search parameter: <c>system|value</c>, <c>|value</c> (no system) or <c>value</c> (any system).</summary>
    public static (string? System, string Value) SplitToken(string token)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (null, token.Trim()) : (token[..bar].Trim() is { Length: > 0 } s ? s : null, token[(bar + 1)..].Trim());
    }

    /// <summary>A date search parameter: <c>2026-11-02</c>, <c>ge2026-01-01</c>, <c>lt2026-12-01</c>... (eq, ge, gt, le, lt).</summary>
    public static bool TryParseDate(string text, out string prefix, out DateOnly date)
    {
        prefix = text.Length > 2 && char.IsLetter(text[0]) ? text[..2] : "eq";
        var rest = prefix == "eq" && !text.StartsWith("eq", StringComparison.Ordinal) ? text : text[2..];
        if (rest.Length > 10) rest = rest[..10];
        return DateOnly.TryParseExact(rest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && prefix is "eq" or "ge" or "gt" or "le" or "lt";
    }
}
