using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Protocols;

public sealed record ProtocolSummary(Guid Id, string Code, int Version, string Title, string Kind, string Status, string? SpecialistValidation, string? GpValidation, DateTimeOffset CreatedAt)
{
    /// <summary>The revision a validation starts from (If-Match or the body's <c>revision</c>): changed meanwhile, it is refused.</summary>
    public int Revision { get; init; }
}

/// <summary>The protocols as validated data: the list, the latest version of a code, and a version as JSON.</summary>
public sealed class ProtocolQueries(RelaisDb db)
{
    public async Task<IReadOnlyList<ProtocolSummary>> ListAsync(CancellationToken ct) =>
        (await db.Protocols.AsNoTracking().OrderBy(p => p.Code).ThenByDescending(p => p.Version).ToListAsync(ct))
            .Select(Summary).ToList();

    /// <summary>The latest version of a protocol; with <paramref name="validatedOnly"/>, the latest one fit for use.</summary>
    public async Task<SurveillanceProtocol?> LatestAsync(string code, bool validatedOnly, CancellationToken ct)
    {
        var versions = await db.Protocols.AsNoTracking().Where(p => p.Code == code).OrderByDescending(p => p.Version).ToListAsync(ct);
        return validatedOnly ? versions.FirstOrDefault(v => v.Status == ProtocolStatus.Validated) : versions.FirstOrDefault();
    }

    /// <summary>A version as JSON (the latest when none is named), or null when unknown.</summary>
    public async Task<string?> ExportAsync(string code, int? version, CancellationToken ct)
    {
        var protocol = version is { } v
            ? await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.Version == v, ct)
            : await LatestAsync(code, validatedOnly: false, ct);
        return protocol is null ? null : ProtocolJson.Export(protocol);
    }

    public static ProtocolSummary Summary(SurveillanceProtocol p) => new(p.Id, p.Code, p.Version, p.Title, p.Kind.Code(),
        p.Status == ProtocolStatus.Validated ? "validated" : "to-validate",
        p.SpecialistValidation is { } s ? $"{s.Name}, {Clock.ToParis(s.At):dd/MM/yyyy}" : null,
        p.GpValidation is { } g ? $"{g.Name}, {Clock.ToParis(g.At):dd/MM/yyyy}" : null, p.CreatedAt) { Revision = p.Revision };
}
