using Microsoft.AspNetCore.Identity;
using Relais.Domain.Messaging;

namespace Relais.Web.Identity;

/// <summary>
/// Every account saved through Identity — created by an administrator, from a patient's record, by the
/// demo data, or changed later — carries an address the outbox can send to (<see cref="EmailAddress"/>):
/// Identity's own check accepts <c>luc,garnier@relais.demo</c>, which no mail parser does.
/// </summary>
public sealed class MailboxUserValidator : IUserValidator<RelaisUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<RelaisUser> manager, RelaisUser user) =>
        Task.FromResult(user.Email is null || EmailAddress.IsValid(user.Email)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "InvalidEmail", Description = "Adresse électronique invalide." }));
}
