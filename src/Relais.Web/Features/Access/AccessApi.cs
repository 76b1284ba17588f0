using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Features.Access;
using Relais.Web.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

public sealed record BreakGlassInput(Guid? PatientId, string? Reason);
public sealed record BreakGlassAnswer(DateTimeOffset ExpiresAt, string Message);
public sealed record BreakGlassReviewItem(Guid Id, Guid PatientId, string Professional, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReviewedAt, string? ReviewNote);
public sealed record ReviewInput(string? Note);
public sealed record ObjectionInput(Guid? ProfessionalId);
public sealed record ObjectionDto(Guid Id, ProfessionalRef Professional, DateTimeOffset RecordedAt);
public sealed record ChainCheckResult(bool IsIntact, long Checked, long? FirstBrokenIndex, string? Problem);

/// <summary>Break-the-glass, the patient's objections, and the administrators' audit tools.</summary>
public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/break-glass", BreakGlass).WithTags("Accès")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .DeclareNoPatientData("opens audited emergency access; answers alike whether the patient exists or not");

        var me = app.MapGroup("/api/me").WithTags("Mon dossier").RequireAuthorization(p => p.RequireRole(Roles.Patient));
        me.MapGet("/objections", Objections).DeclareNoPatientData("the caller's own record, resolved from the session");
        me.MapPost("/objections", Object).DeclareNoPatientData("the caller's own record, resolved from the session");
        me.MapDelete("/objections/{objectionId:guid}", Withdraw).DeclareNoPatientData("the caller's own record, resolved from the session");

        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        admin.MapGet("/audit/verify", VerifyChain).DeclareNoPatientData("checks hashes only");
        admin.MapGet("/break-glass", BreakGlassList).DeclareNoPatientData("patient shown by identifier only, for review");
        admin.MapPost("/break-glass/{grantId:guid}/review", Review).DeclareNoPatientData("review of an emergency access");
        return app;
    }

    private static CurrentUser Me(HttpContext http) => CurrentUser.From(http.User)!;

    public static async Task<(BreakGlassAnswer Answer, bool Granted)> OpenBreakGlassAsync(RelaisDb db, Clock clock, CurrentUser user, BreakGlassInput input, CancellationToken ct)
    {
        if (input.PatientId is not { } patientId)
            throw new DomainValidationException("patientId", "Le patient est obligatoire.");
        var now = clock.Now;
        var grant = BreakGlassGrant.Open(patientId, user.Id, input.Reason, now);
        var exists = await db.Patients.AnyAsync(p => p.Id == patientId, ct);
        var objection = exists && await db.AccessObjections.AnyAsync(o => o.PatientId == patientId && o.ProfessionalId == user.Id && o.WithdrawnAt == null, ct);
        if (exists && !objection) db.BreakGlassGrants.Add(grant);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.BreakGlass, "POST /api/break-glass",
            exists && !objection ? AuditOutcomes.BreakGlass : AuditOutcomes.Denied, exists ? (objection ? "objection" : "granted") : "not-found"));
        await db.SaveChangesAsync(ct);
        return (new BreakGlassAnswer(grant.ExpiresAt, "Accès d'urgence enregistré : il sera revu et le patient en sera informé."), exists && !objection);
    }

    private static async Task<Ok<BreakGlassAnswer>> BreakGlass(BreakGlassInput input, RelaisDb db, Clock clock, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await OpenBreakGlassAsync(db, clock, Me(http), input, ct)).Answer);

    private static Guid OwnPatient(HttpContext http) =>
        Me(http).OwnPatientId ?? throw new DomainValidationException("patient", "Ce compte n'est relié à aucun dossier patient.");

    private static async Task<Ok<List<ObjectionDto>>> Objections(RelaisDb db, PatientReader reader, HttpContext http, CancellationToken ct)
    {
        var patientId = OwnPatient(http);
        var rows = await db.AccessObjections.AsNoTracking().Where(o => o.PatientId == patientId && o.WithdrawnAt == null).OrderBy(o => o.RecordedAt).ToListAsync(ct);
        var result = new List<ObjectionDto>();
        foreach (var o in rows)
            result.Add(new ObjectionDto(o.Id, (await reader.ProfessionalAsync(o.ProfessionalId, ct))!, o.RecordedAt));
        return TypedResults.Ok(result);
    }

    public static async Task<AccessObjection> RecordObjectionAsync(RelaisDb db, Clock clock, CurrentUser user, Guid patientId, Guid? professionalId, CancellationToken ct)
    {
        if (professionalId is not { } proId || !await db.Users.AnyAsync(u => u.Id == proId, ct))
            throw new DomainValidationException("professionalId", "Choisissez le professionnel concerné.");
        var objection = AccessObjection.Record(patientId, proId, clock.Now);
        db.AccessObjections.Add(objection);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "POST /api/me/objections", AuditOutcomes.Allowed, "objection"));
        await db.SaveChangesAsync(ct);
        return objection;
    }

    private static async Task<Created<Guid>> Object(ObjectionInput input, RelaisDb db, Clock clock, HttpContext http, CancellationToken ct)
    {
        var objection = await RecordObjectionAsync(db, clock, Me(http), OwnPatient(http), input.ProfessionalId, ct);
        return TypedResults.Created($"/api/me/objections/{objection.Id}", objection.Id);
    }

    public static async Task<bool> WithdrawObjectionAsync(RelaisDb db, Clock clock, CurrentUser user, Guid patientId, Guid objectionId, CancellationToken ct)
    {
        var objection = await db.AccessObjections.FirstOrDefaultAsync(o => o.Id == objectionId && o.PatientId == patientId, ct);
        if (objection is null) return false;
        objection.Withdraw(clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "DELETE /api/me/objections", AuditOutcomes.Allowed, "objection-withdrawn"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Results<NoContent, NotFound>> Withdraw(Guid objectionId, RelaisDb db, Clock clock, HttpContext http, CancellationToken ct) =>
        await WithdrawObjectionAsync(db, clock, Me(http), OwnPatient(http), objectionId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<ChainCheckResult>> VerifyChain(AuditChainService chain, CancellationToken ct)
    {
        var v = await chain.VerifyAsync(ct);
        return TypedResults.Ok(new ChainCheckResult(v.IsIntact, v.Checked, v.FirstBrokenIndex, v.Problem));
    }

    public static async Task<List<BreakGlassReviewItem>> ReviewListAsync(RelaisDb db, bool pendingOnly, CancellationToken ct) =>
        await (from g in db.BreakGlassGrants.AsNoTracking()
               join u in db.Users.AsNoTracking() on g.ProfessionalId equals u.Id
               where !pendingOnly || g.ReviewedAt == null
               orderby g.GrantedAt descending
               select new BreakGlassReviewItem(g.Id, g.PatientId, u.FirstName + " " + u.LastName, g.Reason, g.GrantedAt, g.ExpiresAt, g.ReviewedAt, g.ReviewNote))
            .Take(200).ToListAsync(ct);

    private static async Task<Ok<List<BreakGlassReviewItem>>> BreakGlassList(bool? pending, RelaisDb db, CancellationToken ct) =>
        TypedResults.Ok(await ReviewListAsync(db, pending ?? true, ct));

    public static async Task<bool> ReviewBreakGlassAsync(RelaisDb db, Clock clock, CurrentUser user, Guid grantId, string? note, CancellationToken ct)
    {
        var grant = await db.BreakGlassGrants.FirstOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return false;
        grant.Review(user.Id, note, clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Results<NoContent, NotFound>> Review(Guid grantId, ReviewInput input, RelaisDb db, Clock clock, HttpContext http, CancellationToken ct) =>
        await ReviewBreakGlassAsync(db, clock, Me(http), grantId, input.Note, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
