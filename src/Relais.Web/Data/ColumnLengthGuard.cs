using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Relais.Domain;

namespace Relais.Web.Data;

/// <summary>
/// Refuses, before anything is written, a text longer than its column (SECURITY.md promise 5, review L2): PostgreSQL
/// would fail the whole commit with a 500 and SQLite would keep a 1 MB name. The model's lengths are the limit,
/// stated once in the entity configurations; the refusal names the field as the API does (<c>birthName</c>,
/// <c>address.line1</c>). Only values being written are checked: a longer value stored before stays readable.
/// </summary>
public sealed class ColumnLengthGuard : SaveChangesInterceptor
{
    public static readonly ColumnLengthGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is not string text || property.Metadata.GetMaxLength() is not { } max || text.Length <= max) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                throw new DomainValidationException(FieldOf(entry, property.Metadata.Name),
                    string.Create(CultureInfo.InvariantCulture, $"{max} caractères au plus."));
            }
        }
    }

    private static string FieldOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string property)
    {
        var owner = entry.Metadata.FindOwnership()?.PrincipalToDependent?.Name;
        var name = JsonNamingCamel(property);
        return owner is null ? name : $"{JsonNamingCamel(owner)}.{name}";
    }

    private static string JsonNamingCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
