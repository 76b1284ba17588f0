using Relais.Domain.Coordination;
using Relais.Domain.Patients;

namespace Relais.Web.Messaging;

/// <summary>
/// The words of the e-mails. The subject identifies the patient (name, birth date, INS) as secure
/// health messaging expects, and never carries clinical text; the body goes only to professionals.
/// </summary>
public static class MailTexts
{
    /// <summary>Name and birth date, and the INS only when the identity is qualified: no other INS leaves Relais (RNIV).</summary>
    public static string PatientIdentity(Patient p) =>
        $"{p.DisplayName}, né(e) le {p.BirthDate:dd/MM/yyyy}{(IdentityStatuses.MayLeaveRelais(p.IdentityStatus) ? $", INS {InsNumber.Parse(p.Ins).Formatted}" : "")}";

    public static (string Subject, string Body) ForProfessional(Patient patient, Transmission t, TransmissionRecipient r, string recipientName, string senderName, MailOptions options)
    {
        var due = Clock.ToParis(t.DueAt).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var subject = $"[Relais]{(t.Urgent ? " URGENT —" : "")} Transmission à prendre en compte — {PatientIdentity(patient)}";
        var body = $"""
            Bonjour {recipientName},

            {senderName} vous transmet, pour {patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}) :
            {t.Title}
            {(t.Message is null ? "" : "\n" + t.Message + "\n")}
            Merci d'en prendre connaissance dans Relais avant le {due} :
            {options.PublicUrl.TrimEnd('/')}/patients/{t.PatientId}/transmissions/{t.Id}

            Obligation de coordination ville-hôpital {t.Obligation} — {ObligationCatalogue.Get(t.Obligation).Trigger}.
            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        return (subject, body);
    }

    /// <summary>
    /// What an address outside the MSSanté space receives instead of the message: that something waits in Relais, and the
    /// link to it (the first Relais link of the message, else Relais's address). No name, birth date, INS or clinical word.
    /// </summary>
    public static (string Subject, string Body) OutsideMssante(string originalBody, MailOptions options)
    {
        var root = options.PublicUrl.TrimEnd('/');
        var link = originalBody.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(root + "/", StringComparison.Ordinal)) ?? root + "/";
        var body = $"""
            Bonjour,

            Un message vous attend dans Relais. Il concerne des données de santé : il n'est envoyé par courriel qu'à une
            messagerie sécurisée de santé (espace de confiance MSSanté), ce que n'est pas cette adresse.
            Connectez-vous pour le lire : {link}

            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        return ("[Relais] Un message vous attend dans Relais", body);
    }

    public static (string Subject, string Body) PatientNotice(Patient patient, Transmission t, MailOptions options)
    {
        var subject = "[Relais] Un nouveau document est disponible dans votre espace";
        var body = $"""
            Bonjour,

            Votre équipe de soins a déposé un nouveau document dans votre espace Relais.
            Connectez-vous pour le consulter : {options.PublicUrl.TrimEnd('/')}/mon-dossier

            Relais — votre parcours de soins partagé.
            """;
        return (subject, body);
    }

    /// <summary>An open alert followed new results: its owners are told again, without a new transmission.</summary>
    public static (string Subject, string Body) AlertUpdated(Patient patient, Transmission t, string explanation, MailOptions options)
    {
        var subject = $"[Relais]{(t.Urgent ? " URGENT —" : "")} Alerte mise à jour — {PatientIdentity(patient)}";
        var body = $"""
            Bonjour,

            Une alerte de suivi de {patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}), déjà transmise ({t.Obligation}), a été mise à jour par un nouveau résultat :
            {explanation}

            Carnet de surveillance : {options.PublicUrl.TrimEnd('/')}/patients/{t.PatientId}/suivi
            Transmission d'origine : {options.PublicUrl.TrimEnd('/')}/patients/{t.PatientId}/transmissions/{t.Id}

            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        return (subject, body);
    }

    /// <summary>To the referring physician: a signal of the team's queue its owner has not taken in charge in time.</summary>
    public static (string Subject, string Body) Escalation(Patient patient, Transmission t, string ownerName, MailOptions options)
    {
        var due = Clock.ToParis(t.DueAt).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var subject = $"[Relais]{(t.Urgent ? " URGENT —" : "")} Signal non pris en charge — {PatientIdentity(patient)}";
        var body = $"""
            Bonjour,

            Un signal adressé à l'équipe de soins de {patient.DisplayName} n'a pas été pris en charge par {ownerName}, son responsable, avant le {due}.
            {options.PublicUrl.TrimEnd('/')}/patients/{t.PatientId}/transmissions/{t.Id}

            Obligation de coordination ville-hôpital {t.Obligation} — {ObligationCatalogue.Get(t.Obligation).Trigger}.
            """;
        return (subject, body);
    }

    public static (string Subject, string Body) Reminder(Patient patient, Transmission t, bool late, MailOptions options)
    {
        var due = Clock.ToParis(t.DueAt).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var subject = $"[Relais] Rappel{(late ? " — en retard" : "")} : transmission à prendre en compte — {PatientIdentity(patient)}";
        var body = $"""
            Bonjour,

            Une transmission concernant {patient.DisplayName} attend votre prise de connaissance {(late ? $"depuis le {due}" : $"avant le {due}")}.
            {options.PublicUrl.TrimEnd('/')}/patients/{t.PatientId}/transmissions/{t.Id}

            Obligation de coordination ville-hôpital {t.Obligation}.
            """;
        return (subject, body);
    }
}
