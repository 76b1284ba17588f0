using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Relais.Web.Identity;

/// <summary>
/// Adds the patient link of a patient's account to its claims, so the access rule needs no extra query, the
/// session generation (<see cref="SessionRevocation"/>) and the refresh-token family (<see cref="RefreshTokenFamilies"/>).
/// </summary>
public sealed class RelaisClaimsFactory(UserManager<RelaisUser> users, RoleManager<RelaisRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RelaisUser, RelaisRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RelaisUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PatientId is { } patientId)
            identity.AddClaim(new Claim(CurrentUser.PatientIdClaim, patientId.ToString()));
        identity.AddClaim(new Claim("relais:name", user.DisplayName));
        identity.AddClaim(new Claim(SessionRevocation.GenerationClaim, user.SessionGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        RefreshTokenFamilies.Stamp(identity);
        return identity;
    }
}
