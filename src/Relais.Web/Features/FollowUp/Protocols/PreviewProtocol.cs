using Relais.Domain;
using Relais.Domain.Surveillance;

namespace Relais.Web.Features.FollowUp.Protocols;

public sealed record PreviewInput(DateOnly? EndOfTreatment, bool Radiotherapy, int? HorizonMonths);

public sealed record PreviewItem(DateOnly Due, int Month, string Kind, string Performer);

public sealed record PreviewResult(string Protocol, int Version, IReadOnlyList<PreviewItem> Items);

/// <summary>The calendar a protocol gives for a J0, for authors and validators: drafts included.</summary>
public sealed class PreviewProtocol(ProtocolQueries protocols)
{
    /// <summary>The calendar, or null when the protocol is unknown.</summary>
    public async Task<PreviewResult?> HandleAsync(string code, PreviewInput input, CancellationToken ct)
    {
        var protocol = await protocols.LatestAsync(code, validatedOnly: false, ct);
        if (protocol is null) return null;
        if (input.EndOfTreatment is not { } j0) throw new DomainValidationException("endOfTreatment", "La date de fin de traitement (J0) est obligatoire.");
        var horizon = input.HorizonMonths ?? 60;
        if (horizon is < 0 or > Schedule.MaxMonth) throw new DomainValidationException("horizonMonths", $"L'horizon va de 0 à {Schedule.MaxMonth} mois.");
        var items = SurveillanceCalendar.Generate(protocol.Definition, j0, input.Radiotherapy, horizon);
        return new PreviewResult(protocol.Code, protocol.Version, items.Select(i => new PreviewItem(i.Due, i.Month, i.Kind.Code(), i.Performer.Code())).ToList());
    }
}
