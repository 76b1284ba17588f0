namespace Relais.Domain;

/// <summary>
/// A change was made from a version other than the current one: someone else changed the record in between,
/// and applying this change would silently undo theirs.
/// </summary>
public sealed class StaleVersionException(string field, int given, int current)
    : Exception($"Version {given} given, the record is at version {current}.")
{
    public string Field { get; } = field;
    public int Given { get; } = given;
    public int Current { get; } = current;
}
