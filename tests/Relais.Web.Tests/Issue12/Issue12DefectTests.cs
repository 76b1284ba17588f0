using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Audit;
using Relais.Web.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Account;
using Relais.Web.Identity;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Issue12;

/// <summary>
/// The tests of issue 12's defects, ported from main to the code before their fixes (802a6d7), with the
/// smallest changes that compile against it: the demo accounts have no second factor yet, so sign-in is a
/// password; there is no administrator deactivation API yet, so an account is deactivated as this code knows
/// it (RelaisUser.IsActive = false); the audit chain is the plain SHA-256 of this code, so the intruder
/// recomputes it the way this code does. Each test is expected to FAIL here: that is the proof that the
/// test on main finds its defect. The test on main that each one ports is named in its comment.
/// </summary>
public abstract class Issue12DefectTests(RelaisFactory factory)
{
    // ---------------------------------------------------------------- outbox (main: Messaging.OutboxIsolationTests)

    [Fact]
    public async Task Outbox_AnUnparsableAddress_IsDeadLettered_AndTheRestOfTheBatchIsSent()
    {
        var unparsable = await QueueAsync("luc,garnier@relais.demo");
        var good = new List<Guid>();
        for (var i = 0; i < 6; i++) good.Add(await QueueAsync($"destinataire{i}.{Guid.NewGuid():N}@relais.demo"));

        string? thrown = null;
        try { await factory.DispatchAsync(); }
        catch (Exception e) { thrown = e.GetType().Name + ": " + e.Message; }

        var poison = await OutboxRowAsync(unparsable);
        var goodStatuses = new List<OutboxStatus>();
        foreach (var id in good) goodStatuses.Add((await OutboxRowAsync(id)).Status);
        var state = $"dispatch threw: {thrown ?? "nothing"}; poison {poison.Status} after {poison.Attempts} attempts, error '{poison.LastError}'; others: {string.Join(",", goodStatuses)}";
        Assert.True(poison.Status == OutboxStatus.DeadLetter && poison.Attempts == 1, state);
        Assert.True(goodStatuses.All(s => s == OutboxStatus.Sent), state);
    }

    // ---------------------------------------------------------------- sessions and tokens

    /// <summary>main: Features.Admin.AccountLifecycleTests.Deactivation_RevokesCookieBearerAndRefreshTokensAtOnce_AndReactivationNeedsANewSignIn</summary>
    [Fact]
    public async Task Deactivation_RevokesTheRefreshToken()
    {
        const string who = "radiotherapeute@relais.demo";
        var anonymous = factory.CreateClient();
        var tokens = await SignInAsync(anonymous, who);
        await SetActiveAsync(who, false);
        try
        {
            var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh });
            Assert.True(refreshed.StatusCode == HttpStatusCode.Unauthorized,
                $"a deactivated account's refresh token answered {(int)refreshed.StatusCode}: {Clip(await refreshed.Content.ReadAsStringAsync())}");
        }
        finally
        {
            await SetActiveAsync(who, true);
        }
    }

    /// <summary>main: Features.Account.RefreshTokenTests.SigningOut_RevokesTheRefreshToken</summary>
    [Fact]
    public async Task SigningOut_RevokesTheBearerAndRefreshTokens()
    {
        var anonymous = factory.CreateClient();
        var signedIn = await SignInAsync(anonymous, Api.Nurse);
        var bearer = Bearer(signedIn.Access);
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsync("/api/auth/logout", null)).StatusCode);
        var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = signedIn.Refresh });
        var read = await Bearer(signedIn.Access).GetAsync("/api/patients");
        Assert.True(refresh.StatusCode == HttpStatusCode.Unauthorized && read.StatusCode == HttpStatusCode.Unauthorized,
            $"after sign-out the refresh token answered {(int)refresh.StatusCode}, the bearer token {(int)read.StatusCode}");
    }

    /// <summary>main: Features.Access.RevocationTests.SigningOutInTheBrowser_EndsThatCookieEvenReplayed_AndTheAccountsTokens</summary>
    [Fact]
    public async Task SigningOutInTheBrowser_EndsThatCookieEvenReplayed()
    {
        const string who = "anapath@relais.demo";
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookieLogin = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = who, password = Api.Password });
        Assert.Equal(HttpStatusCode.OK, cookieLogin.StatusCode);
        var cookie = string.Join("; ", cookieLogin.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(browser, HttpMethod.Get, "/api/inbox", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(browser, HttpMethod.Post, "/deconnexion", cookie)).StatusCode);

        var replayed = await WithCookieAsync(browser, HttpMethod.Get, "/api/inbox", cookie);
        Assert.True(replayed.StatusCode == HttpStatusCode.Unauthorized, $"the signed-out cookie, replayed, answered {(int)replayed.StatusCode}");
    }

    /// <summary>main: Features.Account.RefreshTokenTests.AReusedRefreshToken_IsRefused_AndRevokesItsWholeFamily_ButNotOtherSignIns</summary>
    [Fact]
    public async Task AReusedRefreshToken_IsRefused()
    {
        var anonymous = factory.CreateClient();
        var stolen = await SignInAsync(anonymous, "pharmacien@relais.demo");
        var legitimate = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = stolen.Refresh });
        Assert.Equal(HttpStatusCode.OK, legitimate.StatusCode);
        var reused = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = stolen.Refresh });
        Assert.True(reused.StatusCode == HttpStatusCode.Unauthorized, $"the refresh token presented a second time answered {(int)reused.StatusCode}");
    }

    // ---------------------------------------------------------------- audit chain (main: Features.Admin.AuditTamperTests)

    [Fact]
    public async Task Audit_ChangingTheRoleThePatientSees_IsDetected()
    {
        var (app, scope, db, chain, index) = await ChainToTamperAsync();
        await using var _ = app;
        await using var __ = scope;
        await AsAnIntruderAsync(db, $"UPDATE \"AuditEntries\" SET \"ActorRole\" = 'Patient' WHERE \"ChainIndex\" = {index}");
        var verification = await chain.VerifyAsync();
        Assert.False(verification.IsIntact, $"the chain was found intact after the role of row {index} was changed");
    }

    [Fact]
    public async Task Audit_ARewrittenChain_IsDetected()
    {
        var (app, scope, db, chain, index) = await ChainToTamperAsync();
        await using var _ = app;
        await using var __ = scope;
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex >= index).OrderBy(e => e.ChainIndex).ToListAsync();
        var previous = await db.AuditEntries.Where(e => e.ChainIndex == index - 1).Select(e => e.Hash!).SingleAsync();
        // The intruder turns a row into an access allowed and recomputes every hash from it on, as this code computes them.
        var updates = new List<string>();
        foreach (var row in rows)
        {
            var record = row.ChainIndex == index ? row.ToRecord() with { Outcome = "allowed" } : row.ToRecord();
            var hash = AuditChain.ComputeHash(previous, record);
            updates.Add($"UPDATE \"AuditEntries\" SET \"Outcome\" = '{record.Outcome}', \"PreviousHash\" = '{previous}', \"Hash\" = '{hash}' WHERE \"ChainIndex\" = {row.ChainIndex}");
            previous = hash;
        }
        await AsAnIntruderAsync(db, [.. updates]);
        var verification = await chain.VerifyAsync();
        Assert.False(verification.IsIntact, $"the chain was found intact after rows {index} on were rewritten");
    }

    [Fact]
    public async Task Audit_ADeletedTail_IsDetected()
    {
        var (app, scope, db, chain, _) = await ChainToTamperAsync();
        await using var _ = app;
        await using var __ = scope;
        var head = await db.AuditEntries.MaxAsync(e => e.ChainIndex);
        await AsAnIntruderAsync(db, $"DELETE FROM \"AuditEntries\" WHERE \"ChainIndex\" >= {head - 1}");
        var verification = await chain.VerifyAsync();
        Assert.False(verification.IsIntact, $"the chain was found intact after its last two rows ({head - 1}, {head}) were deleted");
    }

    // ---------------------------------------------------------------- enumerations given as numbers

    /// <summary>main: Features.Coordination.PostMessageTests.AThreadGivenAsANumber_IsRefusedNamingTheField_AndNothingIsWritten</summary>
    [Fact]
    public async Task AThreadGivenAsANumber_IsRefusedNamingTheField()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var answer = await gp.PostAsync($"/api/patients/{marie}/messages",
            new StringContent($"{{\"thread\":99,\"body\":\"nombre 99 {Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json"));
        await AssertProblemNamingAsync(answer, "thread");
    }

    /// <summary>main: Operations.RequestFuzzTests.EveryJsonEndpoint_AnswersBrokenInputWithAProblemNamingTheField_NeverA5xx_AndWritesNothing (enumerations out of range)</summary>
    [Fact]
    public async Task APresenceGivenAsANumber_IsRefusedNamingTheField_AndDoesNotCountTowardTheQuorum()
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = await Features.TumorBoards.RcpTestData.BreastBoardIdAsync(secretary);
        var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings", new { startsAt = factory.Time.GetUtcNow().AddDays(3), location = "Salle 99" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var meetingId = (await planned.JsonAsync()).GetProperty("id").GetGuid();
        var professionalId = (await secretary.GetJsonAsync("/api/professionals?search=Martin"))[0].GetProperty("id").GetGuid();
        var answer = await secretary.PutAsync($"/api/meetings/{meetingId}/participants",
            new StringContent($"{{\"professionalId\":\"{professionalId}\",\"presence\":99}}", Encoding.UTF8, "application/json"));
        await AssertProblemNamingAsync(answer, "presence");
    }

    /// <summary>main: Operations.RequestFuzzTests.EveryJsonEndpoint_AnswersBrokenInputWithAProblemNamingTheField_NeverA5xx_AndWritesNothing (enumerations out of range)</summary>
    [Fact]
    public async Task AnObligationGivenAsANumber_IsRefusedNamingTheField()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var answer = await gp.PostAsync($"/api/patients/{marie}/transmissions",
            new StringContent("{\"obligation\":99,\"message\":\"Obligation 99\"}", Encoding.UTF8, "application/json"));
        await AssertProblemNamingAsync(answer, "obligation");
    }

    // ---------------------------------------------------------------- answers 500 and huge inputs

    /// <summary>main: Operations.RequestFuzzTests.TheReviewsBrokenInputs_AreProblemsNamingTheField_AndWriteNothing (one case each)</summary>
    [Theory]
    [InlineData("preview", "{\"endOfTreatment\":\"9999-12-31\"}", "endOfTreatment")]
    [InlineData("login", "{\"email\":null,\"password\":\"x\"}", "email")]
    [InlineData("login", "{\"email\":\"oncologue@relais.demo\",\"password\":null}", "password")]
    public async Task TheReviewsBrokenInputs_AreProblemsNamingTheField(string where, string body, string field)
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var url = where == "preview" ? "/api/protocols/breast/preview" : "/api/auth/login";
        var answer = await oncologist.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemNamingAsync(answer, field);
    }

    /// <summary>main: Operations.RequestFuzzTests.TheReviewsBrokenInputs_AreProblemsNamingTheField_AndWriteNothing (null items in a PPS)</summary>
    [Theory]
    [InlineData("\"phases\":[null,null]", "phases[0]")]
    [InlineData("\"phases\":[PHASE],\"contacts\":[null]", "contacts[0]")]
    public async Task APpsWithNullItems_IsAProblemNamingTheField(string members, string field)
    {
        var (oncologist, patientId, episodeId) = await PpsPatientAsync();
        var body = $"{{\"episodeId\":\"{episodeId}\",{members.Replace("PHASE", Phase, StringComparison.Ordinal)}}}";
        var answer = await oncologist.PostAsync($"/api/patients/{patientId}/programmes/pps", new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemNamingAsync(answer, field);
    }

    private const string Phase = "{\"order\":1,\"kind\":\"surgery\",\"description\":\"Tumorectomie\",\"plannedStart\":\"2026-12-07\",\"place\":\"H\u00f4pital Saint-Relais\",\"expectedStayDays\":1}";

    private async Task<(HttpClient Client, Guid PatientId, Guid EpisodeId)> PpsPatientAsync()
    {
        var (oncologist, patientId, episodeId) = await Features.TumorBoards.RcpTestData.NewPatientAsync(factory, "1962-02-20");
        foreach (var (to, on) in new[] { ("announcement", "2026-11-16"), ("tumor-board", "2026-11-19") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        return (oncologist, patientId, episodeId);
    }

    /// <summary>main: Features.Account.SignInTests.MissingSignInFields_AreAFailedSignIn_NotAServerError</summary>
    [Theory]
    [InlineData("{\"email\":null,\"password\":\"x\"}")]
    [InlineData("{\"email\":\"medecin.traitant@relais.demo\",\"password\":null}")]
    public async Task MissingSignInFields_AreAFailedSignIn_NotAServerError(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {Clip(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>main: Operations.RequestFuzzTests.TheReviewsBrokenInputs_AreProblemsNamingTheField_AndWriteNothing (the 1 MB PPS field)</summary>
    [Fact]
    public async Task APpsWithA1MbField_IsRefusedAtOnce()
    {
        var (oncologist, patientId, episodeId) = await PpsPatientAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var started = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage? answer = null;
        try
        {
            answer = await oncologist.PostAsync($"/api/patients/{patientId}/programmes/pps",
                new StringContent($"{{\"episodeId\":\"{episodeId}\",\"phases\":[{Phase}],\"supportiveCare\":\"{new string('x', 1_000_000)}\"}}", Encoding.UTF8, "application/json"), limit.Token);
        }
        catch (OperationCanceledException)
        {
        }
        Assert.True(answer is not null, $"no answer after {started.Elapsed.TotalSeconds:0} s (the server went on working on it)");
        await AssertProblemNamingAsync(answer!, "supportiveCare");
    }

    /// <summary>main: Operations.RequestFuzzTests.AHugeName_IsRefusedNamingTheField_AndNotStored</summary>
    [Fact]
    public async Task AHugeName_IsRefusedNamingTheField()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var body = JsonSerializer.Serialize(new { ins = A.Patient().Female().Born(1985, 5, 1).NewIns(), birthName = new string('A', 1_000_000), firstNames = "Anne", birthDate = "1985-05-01", sex = "female" });
        var answer = await oncologist.PostAsync("/api/patients", new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemNamingAsync(answer, "birthName");
    }

    /// <summary>main: Features.Account.SafeRedirectTests.ReturnsAPathOfThisSiteInAscii</summary>
    [Theory]
    [InlineData("/été", "/%C3%A9t%C3%A9")]
    [InlineData("/\u3002/evil", "/%E3%80%82/evil")]
    public void TheReturnAddress_IsAPathOfThisSiteInAscii(string asked, string expected)
    {
        var target = SafeRedirect.Target(asked);
        Assert.Equal(expected, target);
    }

    // ---------------------------------------------------------------- access

    /// <summary>main: Features.Access.ListReadAuditTests.EveryListShowingPatients_AuditsEachPatientShown_ForTheReader</summary>
    [Fact]
    public async Task EveryListShowingPatients_AuditsEachPatientShown_ForTheReader()
    {
        _ = factory.Server;
        var lists = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && !r.Contains('{', StringComparison.Ordinal))
            .Distinct().ToList();
        var failures = new List<string>();
        foreach (var email in new[] { Api.Gp, Api.Nurse, Api.Oncologist, Api.Secretary })
        {
            var client = await factory.ClientAsAsync(email);
            var userId = await UserIdAsync(email);
            foreach (var route in lists)
            {
                var before = await LastAuditRowAsync();
                var response = await client.GetAsync(route);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true) continue;
                var shown = new HashSet<Guid>();
                Collect(await response.JsonAsync(), shown);
                if (shown.Count == 0) continue;
                var audited = await AuditedSinceAsync(userId, before);
                var missing = shown.Count(p => !audited.Contains(p));
                if (missing > 0) failures.Add($"GET {route} as {email} showed {shown.Count} patients, {missing} without an audit row");
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    /// <summary>main: Features.Patients.CareTeam.EndMembershipTests.AMemberAddedByMistakeToday_AndRemoved_ReadsNothingFromThatInstant</summary>
    [Fact]
    public async Task AMemberAddedByMistakeToday_AndRemoved_ReadsNothingFromThatInstant()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1971, 4, 2).CreateAsync(oncologist);
        var surgeonId = (await oncologist.GetJsonAsync("/api/professionals?search=Lef")).EnumerateArray().First().GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(RelaisFactory.Start.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var added = await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team", new { professionalId = surgeonId, role = "surgeon", from = today });
        var memberId = (await added.JsonAsync()).GetProperty("id").GetGuid();
        var surgeon = await factory.ClientAsAsync("chirurgien@relais.demo");
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/patients/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team/{memberId}/end", new { to = today })).StatusCode);

        var after = await surgeon.GetAsync($"/api/patients/{id}");
        Assert.True(after.StatusCode == HttpStatusCode.NotFound, $"the member removed today still reads the record: {(int)after.StatusCode}");
    }

    /// <summary>main: Features.Patients.RegisterPatientTests.Create_AnInsARecordTheCallerMayNotReadHolds_AnswersAsAFreeInsWould_AndGoesToTheReferentsWorklist_Audited</summary>
    [Fact]
    public async Task AnInsARecordTheCallerMayNotReadHolds_IsAnsweredAsAFreeInsWould()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var existing = await A.Patient().Female().Born(1971, 2, 3).WithoutGp().CreateAsync(oncologist);
        var ins = (await oncologist.GetJsonAsync($"/api/patients/{existing}")).GetProperty("ins").GetString()!;
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var taken = await outsider.PostAsJsonAsync("/api/patients", new { ins, birthName = "OUTSIDER", firstNames = "Anne", birthDate = "1971-02-03", sex = "female" });
        var free = await outsider.PostAsJsonAsync("/api/patients", new { ins = A.Patient().Female().Born(1971, 2, 3).NewIns(), birthName = "OUTSIDER", firstNames = "Anne", birthDate = "1971-02-03", sex = "female" });
        var takenText = await taken.Content.ReadAsStringAsync();
        Assert.True(taken.StatusCode == free.StatusCode && !takenText.Contains(existing.ToString(), StringComparison.OrdinalIgnoreCase),
            $"someone else's INS answered {(int)taken.StatusCode} {Clip(takenText)}; a free INS {(int)free.StatusCode}");
    }

    // ---------------------------------------------------------------- sign-in

    /// <summary>main: Features.Account.SignInLimitsTests.AttemptsBeyondTheLimits_Get429WithRetryAfter_PerAccountThenPerClient</summary>
    [Fact]
    public async Task SixtyAttempts_GetA429()
    {
        var client = factory.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
            answers.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "personne.inconnue@relais.demo", password = "essai" })).StatusCode);
        Assert.True(answers.IndexOf(HttpStatusCode.TooManyRequests) >= 0, $"60 attempts answered {string.Join(",", answers.Distinct().Select(a => (int)a))}, never 429");
    }

    /// <summary>main: Features.Account.SignInTests.AnUnknownAddress_AWrongPassword_ALockedAndADeactivatedAccount_GetTheSameAnswer</summary>
    [Fact]
    public async Task AnUnknownAddress_AWrongPassword_ALockedAndADeactivatedAccount_GetTheSameAnswer()
    {
        const string locked = "oncologue2@relais.demo", deactivated = "medecin.traitant2@relais.demo";
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++) await client.PostAsJsonAsync("/api/auth/login", new { email = locked, password = "mauvais-mot-de-passe" });
        await SetActiveAsync(deactivated, false);
        try
        {
            var answers = new List<string>();
            foreach (var (email, password) in new[]
            {
                ("personne.inconnue@relais.demo", Api.Password), (Api.Nurse, "mauvais-mot-de-passe"), (locked, Api.Password), (deactivated, Api.Password),
            })
            {
                var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
                var body = await response.JsonAsync();
                answers.Add($"{(int)response.StatusCode} {body.GetProperty("title").GetString()} {body.GetProperty("detail").GetString()}");
            }
            Assert.True(answers.Distinct().Count() == 1, "unknown, wrong password, locked, deactivated: " + string.Join(" | ", answers));
        }
        finally
        {
            await SetActiveAsync(deactivated, true);
        }
    }

    /// <summary>main: Features.Account.SecondFactorRequirementTests.AProfessionalWithoutASecondFactor_GetsNoToken_AndIsSentToEnrolOne_BeforeAnythingElse</summary>
    [Fact]
    public async Task AProfessionalWithoutASecondFactor_GetsNoToken()
    {
        var token = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = Api.Gp, password = Api.Password });
        Assert.True(token.StatusCode == HttpStatusCode.Forbidden, $"a GP without a second factor signed in with a password alone: {(int)token.StatusCode}");
    }

    // ---------------------------------------------------------------- headers (main: Operations.SecurityHeadersTests)

    /// <summary>main: Operations.SecurityHeadersTests.AnswersCarryingPatientData_AreNeverStored_ButStaticFilesAreCached</summary>
    [Fact]
    public async Task AnswersCarryingPatientData_AreNeverStored()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var response = await oncologist.GetAsync($"/api/patients/{marie}");
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"GET /api/patients/{{id}} Cache-Control: '{response.Headers.CacheControl}'");
    }

    /// <summary>main: Operations.SecurityHeadersTests.EveryAnswer_CarriesTheSecurityHeaders_AndAStrictPolicy</summary>
    [Fact]
    public async Task EveryAnswer_CarriesAStrictPolicy()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/connexion");
        var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values) : "";
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
        Assert.True(directives.GetValueOrDefault("default-src") == "'self'" && directives.GetValueOrDefault("script-src") == "'self'" && directives.GetValueOrDefault("object-src") == "'none'",
            $"GET /connexion Content-Security-Policy: '{policy}'");
    }

    // ---------------------------------------------------------------- helpers

    private static async Task AssertProblemNamingAsync(HttpResponseMessage answer, string field)
    {
        var text = await answer.Content.ReadAsStringAsync();
        var names = false;
        try { names = JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out _); }
        catch (JsonException) { }
        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest && names, $"expected 400 naming '{field}', got {(int)answer.StatusCode} {Clip(text)}");
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] : text;

    private sealed record Tokens(string Access, string Refresh);

    private static async Task<Tokens> SignInAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Api.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return new Tokens(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private HttpClient Bearer(string access)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return client;
    }

    private static Task<HttpResponseMessage> WithCookieAsync(HttpClient client, HttpMethod method, string url, string cookie)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private async Task SetActiveAsync(string email, bool active)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RelaisUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.IsActive = active;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    private async Task<Guid> QueueAsync(string address)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var message = OutboxMessage.Create(null, OutboxKind.Reminder, null, Guid.NewGuid(), address, "[Relais] Essai",
            string.Create(CultureInfo.InvariantCulture, $"Pour {address}"), null, null, "relais.test", factory.Time.GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> OutboxRowAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id);
    }

    private async Task<(RelaisFactory App, AsyncServiceScope Scope, RelaisDb Db, AuditChainService Chain, long Index)> ChainToTamperAsync()
    {
        var app = factory.Fresh();
        var gp = await app.ClientAsAsync(Api.Gp);
        var patientId = await gp.FirstPatientIdAsync();
        await gp.GetJsonAsync($"/api/patients/{patientId}");
        await gp.GetJsonAsync($"/api/patients/{patientId}/timeline");
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChainService>();
        Assert.True((await chain.VerifyAsync()).IsIntact);
        var victim = await db.AuditEntries.Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).Skip(1).Select(e => e.ChainIndex!.Value).FirstAsync();
        return (app, scope, db, chain, victim);
    }

    /// <summary>Lifts the database's protection of the audit rows (as this code installs it), runs the statements, puts it back on PostgreSQL.</summary>
    private static async Task AsAnIntruderAsync(RelaisDb db, params string[] sql)
    {
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_no_delete");
        }
        foreach (var statement in sql) await db.Database.ExecuteSqlRawAsync(statement);
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER");
    }

    private static void Collect(JsonElement element, HashSet<Guid> shown)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var p in element.EnumerateObject())
                if (p.NameEquals("patientId") && p.Value.ValueKind == JsonValueKind.String && p.Value.TryGetGuid(out var id)) shown.Add(id);
                else Collect(p.Value, shown);
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) Collect(item, shown);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<long> LastAuditRowAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<HashSet<Guid>> AuditedSinceAsync(Guid userId, long after)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<RelaisDb>().AuditEntries
            .Where(a => a.Id > after && a.ActorId == userId && a.PatientId != null).Select(a => a.PatientId!.Value).ToListAsync()];
    }
}

[Collection("sqlite")]
public sealed class Issue12DefectSqliteTests(SqliteRelaisFactory factory) : Issue12DefectTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class Issue12DefectPostgresTests(PostgresRelaisFactory factory) : Issue12DefectTests(factory), IClassFixture<PostgresRelaisFactory>;
