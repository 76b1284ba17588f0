using Microsoft.EntityFrameworkCore;
using Relais.Domain.Documents;
using Relais.Web.Data;

namespace Relais.Web.Features.Coordination.Documents;

public sealed record DocumentDto(Guid Id, Guid LineageId, int Version, DocumentKind Kind, string Title, string ContentType, string FileName, long Size,
    string Sha256, string CreatedBy, DateTimeOffset CreatedAt, string? SignedBy, DateTimeOffset? SignedAt, string? CdaUrl = null);

/// <summary>A patient's documents, newest first, with who wrote and who signed them. Access was checked by the caller.</summary>
public sealed class DocumentsQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<DocumentDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new { d.Id, d.LineageId, d.Version, d.Kind, d.Title, d.ContentType, d.FileName, d.Size, d.Sha256, d.CreatedBy, d.CreatedAt, d.SignedBy, d.SignedAt,
                // A signed report or PPS that Relais produced has its CDA beside the PDF (Features/Cda).
                HasCda = d.SignedAt != null && (db.TumorBoardCases.Any(c => c.ReportDocumentId == d.Id) || db.Programmes.Any(p => p.DocumentId == d.Id && p.Kind == Relais.Domain.Programmes.ProgrammeKind.Pps)) })
            .ToListAsync(ct);
        var names = await ProfessionalNames.OfAsync(db, rows.Select(r => r.CreatedBy).Concat(rows.Where(r => r.SignedBy != null).Select(r => r.SignedBy!.Value)), ct);
        return rows.Select(d => new DocumentDto(d.Id, d.LineageId, d.Version, d.Kind, d.Title, d.ContentType, d.FileName, d.Size, d.Sha256,
            names.GetValueOrDefault(d.CreatedBy, "?"), d.CreatedAt, d.SignedBy is { } s ? names.GetValueOrDefault(s, "?") : null, d.SignedAt,
            d.HasCda ? $"/api/patients/{patientId}/documents/{d.Id}/cda" : null)).ToList();
    }

    public async Task<DocumentDto?> GetAsync(Guid patientId, Guid documentId, CancellationToken ct) =>
        (await ListAsync(patientId, ct)).FirstOrDefault(d => d.Id == documentId);

    /// <summary>The stored file itself, for download or the inline viewer.</summary>
    public Task<Document?> ContentAsync(Guid patientId, Guid documentId, CancellationToken ct) =>
        db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.PatientId == patientId, ct);
}
