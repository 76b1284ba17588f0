using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Alerts;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Observations;

public sealed record ObservationDto(Guid Id, string Code, decimal Value, string Unit, DateOnly Effective, string Laboratory, decimal? UpperLimit);

/// <summary>The patient's marker results in date order, of one marker when named.</summary>
public sealed class ObservationQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<ObservationDto>> HandleAsync(Guid patientId, string? code, CancellationToken ct)
    {
        var query = db.Observations.AsNoTracking().Where(o => o.PatientId == patientId);
        if (!string.IsNullOrEmpty(code))
        {
            if (!Markers.TryParse(code, out var marker)) throw new DomainValidationException("code", "Marqueur inconnu ; attendu : ca15-3, psa ou cea.");
            query = query.Where(o => o.Code == marker);
        }
        return (await query.OrderBy(o => o.Effective).ThenBy(o => o.RecordedAt).ToListAsync(ct)).Select(ToDto).ToList();
    }

    public static ObservationDto ToDto(Observation o) => new(o.Id, o.Code.Code(), o.Value, o.Unit, o.Effective, o.Laboratory, o.UpperLimit);
}
