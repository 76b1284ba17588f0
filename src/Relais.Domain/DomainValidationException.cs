namespace Relais.Domain;

/// <summary>
/// Thrown when a clinical or identity invariant is broken. <see cref="Field"/> is the camelCase
/// name of the API field at fault, so the web edge can answer with a problem-details response
/// that names it; the message is a French sentence meant for the person who typed the value.
/// </summary>
public sealed class DomainValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
