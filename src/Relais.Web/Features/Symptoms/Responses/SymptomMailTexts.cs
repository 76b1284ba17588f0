using System.Globalization;
using Relais.Domain.Patients;
using Relais.Domain.Questionnaires;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Symptoms.Responses;

/// <summary>The words of the symptom e-mails: the subject identifies the patient and carries no clinical text (<see cref="MailTexts"/>).</summary>
public static class SymptomMailTexts
{
    public static (string Subject, string Body) GradeThreeCopy(Patient patient, QuestionnaireResponse response, QuestionnaireDefinition definition, MailOptions options)
    {
        var at = Clock.ToParis(response.AuthoredAt).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var subject = $"[Relais] Copie d'un signalement du patient — {MailTexts.PatientIdentity(patient)}";
        var body = $"""
            Bonjour,

            Votre patient(e) {patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}) a signalé le {at}, au questionnaire « {definition.Title} », un effet de grade {response.Grade} ou plus.
            L'équipe hospitalière en est alertée et le prend en charge ; cette copie vous informe.
            {options.PublicUrl.TrimEnd('/')}/patients/{patient.Id}

            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        return (subject, body);
    }

    public static (string Subject, string Body) Escalation(Patient patient, SymptomAlert alert, MailOptions options)
    {
        var at = Clock.ToParis(alert.RaisedAt).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var subject = $"[Relais] URGENT — Alerte patient non prise en charge — {MailTexts.PatientIdentity(patient)}";
        var body = $"""
            Bonjour,

            Vous êtes de garde. Une alerte urgente signalée par {patient.DisplayName} le {at} n'a pas été prise en charge par l'équipe.
            {options.PublicUrl.TrimEnd('/')}/triage/{alert.Id}

            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        return (subject, body);
    }
}
