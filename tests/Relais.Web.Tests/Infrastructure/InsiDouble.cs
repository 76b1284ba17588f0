using Relais.Web.Features.Patients.Identity;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for the INSi teleservice, which cannot be reached from a test (nor from this installation):
/// answers every verification with the outcome it was built with, and remembers what it was asked.
/// </summary>
public sealed class InsiDouble(InsiOutcome outcome, string? oid) : IInsiTeleservice
{
    public List<InsiQuery> Queries { get; } = [];

    public Task<InsiAnswer> VerifyAsync(InsiQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        return Task.FromResult(new InsiAnswer(outcome, oid));
    }
}
