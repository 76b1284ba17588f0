using System.Net;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Symptoms.SymptomPatients;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>Issue 14, point 2: the trend of the answers is shown to the patient too, with the team's chart.</summary>
public abstract class PatientTrendTests(RelaisFactory factory)
{
    [Fact]
    public async Task ThePatient_SeesTheTrendOfTheirAnswers_OnTheirQuestionnairesPage()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var marie = await factory.MarieDurandAsync();
        Assert.Equal(HttpStatusCode.Created, (await patient.AnswerAsync(marie, Toxicity, NoSymptoms())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patient.AnswerAsync(marie, Toxicity, NoSymptoms(("nausea", "1")))).StatusCode);

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.PatientAccount)).GetStringAsync("/mon-dossier/questionnaires"));
        Assert.Contains("Évolution des réponses", page);
        Assert.Contains("<svg", page);
    }
}

[Collection("sqlite")]
public sealed class PatientTrendSqliteTests(SqliteRelaisFactory factory) : PatientTrendTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PatientTrendPostgresTests(PostgresRelaisFactory factory) : PatientTrendTests(factory), IClassFixture<PostgresRelaisFactory>;
