using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Identity;

/// <summary>
/// Identity's user manager saves after each of its operations. A use case on accounts (create, invite,
/// activate, deactivate) makes several of them plus its audit rows and outbox message, and must commit
/// all or nothing with one SaveChanges: inside <see cref="Deferred"/>, the store only tracks the changes.
/// </summary>
public sealed class AccountStore(IUserStore<RelaisUser> store, RelaisDb db)
{
    /// <summary>
    /// Defers the saves of the operations on <paramref name="user"/> until the caller's SaveChanges. Each
    /// deferred "update" moves the account's concurrency stamp on and takes the new one as the stored one;
    /// the stamp read from the database is put back as the one the single UPDATE checks, so that a
    /// concurrent change of the account is still detected and the unsaved ones are not.
    /// </summary>
    public IDisposable Deferred(RelaisUser user)
    {
        // The Entity Framework store's switch; its generic shape changes between Identity versions (passkeys in .NET 10).
        var autoSave = store.GetType().GetProperty("AutoSaveChanges")
            ?? throw new InvalidOperationException($"Relais expects the Entity Framework user store, not {store.GetType().Name}.");
        autoSave.SetValue(store, false);
        var entry = db.Entry(user);
        var loaded = entry.State == EntityState.Detached ? null : entry.Property(u => u.ConcurrencyStamp).OriginalValue;
        return new Restore(() =>
        {
            autoSave.SetValue(store, true);
            if (entry.State != EntityState.Added && loaded is not null) entry.Property(u => u.ConcurrencyStamp).OriginalValue = loaded;
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Identity's refusals as one validation problem naming <paramref name="field"/>.</summary>
    public static void Check(IdentityResult result, string field, string message)
    {
        if (!result.Succeeded) throw new Relais.Domain.DomainValidationException(field, message);
    }
}
