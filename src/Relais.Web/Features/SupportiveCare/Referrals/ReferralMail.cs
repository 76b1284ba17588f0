using Relais.Domain;
using Relais.Domain.Patients;
using Relais.Domain.SupportiveCare;
using Relais.Web.Messaging;

namespace Relais.Web.Features.SupportiveCare.Referrals;

/// <summary>The e-mail a provider receives with a referral: the patient identified in the subject as secure messaging expects, no clinical text there.</summary>
public static class ReferralMail
{
    public static (string Subject, string Body) ToProvider(Patient patient, SupportiveCareProvider provider, SupportiveReferral referral, string recipientName,
        string senderName, MailOptions options)
    {
        var subject = $"[Relais] Orientation en soins de support — {MailTexts.PatientIdentity(patient)}";
        var body = $"""
            Bonjour {recipientName},

            {senderName} oriente vers {provider.Name} {patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}) :
            {EnumCodes.Code(referral.Service)}{(referral.Note is null ? "" : "\n\n" + referral.Note)}

            Vous avez accès, dans Relais, à ce que le patient a accepté de partager. Merci d'y noter le premier contact,
            les séances et votre compte rendu :
            {options.PublicUrl.TrimEnd('/')}/soins-de-support/mes-orientations

            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        return (subject, body);
    }
}
