using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Triage;

public sealed record TriageItem(Guid AlertId, Guid PatientId, string PatientName, string Severity, DateTimeOffset RaisedAt, string Rule, string Title,
    string Questionnaire, bool Acknowledged, DateTimeOffset? EscalatedAt);

public sealed record TriagePage(IReadOnlyList<TriageItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// The triage worklist (CAPRI-style): the open alerts raised by patients' answers, of the patients the access rule lets
/// the caller see, the most severe first and then the oldest first; paged. Each patient listed is an audited read.
/// </summary>
public sealed class TriageWorklist(RelaisDb db, Clock clock, ListAudit listAudit)
{
    public async Task<TriagePage> HandleAsync(CurrentUser user, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        // The open alerts' keys in one pass over the visible patients (a nurse coordinator sees some 1,900): the total and the
        // page are cut from them, then the page's rows are read by key — the visible set is not walked a second time.
        var keys = await Open(user).ToListAsync(ct);
        var pageIds = keys.OrderByDescending(k => k.Rank).ThenBy(k => k.RaisedAt).ThenBy(k => k.Id).PageIds(page, pageSize, k => k.Id);
        var total = keys.Count;
        // The columns the line shows, not the alert's texts for the team and the patient (up to 1,000 characters each).
        var rows = await (from a in db.SymptomAlerts.AsNoTracking().Where(a => pageIds.Contains(a.Id))
                          join p in db.Patients on a.PatientId equals p.Id
                          select new { a.Id, a.PatientId, a.Severity, a.RaisedAt, a.Rule, a.Title, a.QuestionnaireCode, a.AcknowledgedAt, a.EscalatedAt, p.BirthName, p.UsedName, p.FirstNames })
            .ToListAsync(ct);
        var items = rows.Select(x => new TriageItem(x.Id, x.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.Severity.Code(), x.RaisedAt,
                x.Rule, x.Title, x.QuestionnaireCode, x.AcknowledgedAt is not null, x.EscalatedAt))
            .OrderByDescending(i => QuestionnaireEvaluation.Rank(Parse(i.Severity))).ThenBy(i => i.RaisedAt).ThenBy(i => i.AlertId).ToList();
        await listAudit.RecordAsync(user, items.Select(i => i.PatientId), "GET /api/worklists/triage", ct);
        return new TriagePage(items, total, page, pageSize);
    }

    /// <summary>How many alerts the worklist holds for the caller (the home page's line), with no patient named.</summary>
    public Task<int> CountAsync(CurrentUser user, CancellationToken ct) => Open(user).CountAsync(ct);

    private sealed class OpenKey
    {
        public Guid Id { get; init; }
        public int Rank { get; init; }
        public DateTimeOffset RaisedAt { get; init; }
    }

    /// <summary>The keys of the open alerts of the patients the caller sees and who are still in care, each once.</summary>
    private IQueryable<OpenKey> Open(CurrentUser user)
    {
        // The rule of PatientQueries.ActiveIds, the test of who left care made on the alerts' patients only; the alerts joined
        // to each source of the rule and made distinct on their key (PatientQueries.VisibleSources).
        var visible = PatientQueries.VisibleSources(db, user, clock.Today, clock.Now);
        var left = PatientQueries.LeftCare(db);
        return (from patientId in visible
                join a in db.SymptomAlerts on patientId equals a.PatientId
                where a.ActionAt == null && !left.Any(e => e.PatientId == a.PatientId)
                select new OpenKey { Id = a.Id, Rank = a.Rank, RaisedAt = a.RaisedAt }).Distinct();
    }

    private static AlertSeverity Parse(string code) => Enum.GetValues<AlertSeverity>().First(s => s.Code() == code);
}
