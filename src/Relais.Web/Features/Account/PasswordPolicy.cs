using Microsoft.AspNetCore.Identity;
using Relais.Domain;

namespace Relais.Web.Features.Account;

/// <summary>The password a person chooses, checked by Identity's validators (IdentitySetup: 12 characters, every kind).</summary>
public static class PasswordPolicy
{
    public const string Rule = "Le mot de passe doit comporter au moins 12 caractères, dont une minuscule, une majuscule, un chiffre et un caractère spécial.";

    /// <summary>The password and its confirmation typed twice the same.</summary>
    public static string Confirmed(string? password, string? confirmation)
    {
        if (string.IsNullOrEmpty(password)) throw new DomainValidationException("password", Rule);
        if (password != confirmation) throw new DomainValidationException("confirmation", "Les deux mots de passe ne sont pas identiques.");
        return password;
    }

    /// <summary>Identity's refusal of a password, as a validation problem naming the field.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainValidationException("password", Rule);
    }
}
