using Relais.Web.Features.Palliative;
using Relais.Web.Features.Fhir;
using Relais.Web.Features.Appointments;
using Relais.Web.Features.Continuity;
using Relais.Web.Features.Symptoms;
using Relais.Web.Features.Notifications;
using Relais.Web.Features.Indicators;
using Relais.Web.Features.SupportiveCare;
using Relais.Web.Features.Portal;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Relais.Web.Audit;
using Relais.Web.Components;
using Relais.Web.Features.Access;
using Relais.Web.Features.Admin;
using Relais.Web.Features.Announcements;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.FollowUp;
using Relais.Web.Features.Expertise;
using Relais.Web.Features.Home;
using Relais.Web.Features.Patients;
using Relais.Web.Features.Programmes;
using Relais.Web.Features.TumorBoards;
using Relais.Web.Identity;
using Scalar.AspNetCore;

namespace Relais.Web.Operations;

public static class WebSetup
{
    public static WebApplicationBuilder AddRelaisServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Clock>();
        services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection("Audit"))
            .Validate(o => o.IsValid, "Audit: RetentionMonths must be 6 or more, CheckpointIntervalSeconds positive, Key 32 bytes of base64 or more.").ValidateOnStart();
        services.AddSingleton(sp => new AuditKeyRing(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value,
            builder.Configuration, builder.Environment));
        services.AddSingleton<AuditCheckpointLog>();
        services.AddScoped<AuditChainService>();
        services.AddScoped<PurgeAuditTrail>();
        services.AddHostedService<AuditSealer>();
        services.AddOptions<Messaging.MailOptions>().Bind(builder.Configuration.GetSection("Mail"))
            .Validate(o => o.IsValid, "Mail:Delivery must be 'smtp' or 'files'.").ValidateOnStart();
        services.AddScoped<Messaging.OutboxSender>();
        services.AddScoped<Messaging.ReadReceipts>();
        services.AddScoped<Messaging.ReminderScheduler>();
        services.AddScoped<Messaging.MyReminders>();
        services.AddHostedService<Messaging.OutboxDispatcher>();
        services.AddSingleton<Documents.PdfPrinter>();
        services.AddScoped<Documents.DocumentRenderer>();
        services.AddPatients();
        services.AddAccess();
        services.AddCoordination();
        services.AddTumorBoards();
        services.AddProgrammes();
        services.AddScoped<Features.Cda.CdaExport>();
        services.AddAnnouncements();
        services.AddFollowUp();
        services.AddExpertise();
        services.AddSymptoms();
        services.AddSupportiveCare();
        services.AddPalliative();
        services.AddAdmin();
        services.AddPortal();
        services.AddHome();
        services.AddNotifications();
        services.AddIndicators();
        services.AddAppointments();
        services.AddFhir();
        services.AddContinuity();
        services.AddHttpContextAccessor();
        services.AddSignInLimits(builder.Configuration);
        return builder;
    }

    public static WebApplicationBuilder AddRelaisWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        // Every component gets the signed-in user as the endpoints do (CurrentUser.BindAsync): one way, from the request's claims.
        services.AddCascadingValue(sp => CurrentUser.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal()));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("fr-FR"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("fr-FR");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // French first: the browser's language is not consulted; a user picks English explicitly.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enumerations by name only (SECURITY.md promise 5, review M1): a number, 99 or -1 as much as 1, is refused
            // with a problem naming the field, instead of storing a value no screen and no rule knows.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            StrictRequests.Apply(o.SerializerOptions);
        });
        // An unreadable body is answered by the problem naming the field in every environment, not only in Development
        // (the framework's default answers a bare 400 elsewhere).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Relais API";
                doc.Info.Description = "Parcours de soins en cancérologie : patients, épisodes, parcours, équipe de soins, accès et audit.";
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(ApiConventions.DocumentSignInAnswers);
            o.AddOperationTransformer(SignInLimits.DocumentLimit);
            o.AddOperationTransformer(ApiAntiforgery.DocumentTokenAnswer);
        });
        return builder;
    }

    public static WebApplicationBuilder AddRelaisObservability(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("relais"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.RecordException = false).AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Relais"));
        // Exported only when a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();
        return builder;
    }

    public static WebApplication UseRelaisPipeline(this WebApplication app)
    {
        // Behind a reverse proxy that terminates TLS, the client's address and scheme come from its headers, trusted only
        // from the proxies the configuration names (the sign-in limits count per address; HSTS and Secure cookies need https).
        if (app.Configuration.GetValue<bool>("Security:ForwardedHeaders:Enabled"))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in app.Configuration.GetSection("Security:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A setting, on unless turned off, not the environment's name (SECURITY.md promises 7 and 9).
        if (app.Configuration.GetValue("Security:Hsts", true)) app.UseHsts();
        app.UseRequestLocalization();
        app.UseSecurityHeaders(app.Configuration);
        app.UseJsonBodyLimit();
        app.UseSignInLimits();
        app.UseIdempotencyBuffering();
        app.UseAuthentication();
        app.UseSessionRevocation();
        app.UseAccountLanguage();
        app.UseSecondFactorGate();
        app.UseAuthorization();
        app.UseApiAntiforgery();
        app.UseListReadAudit();
        app.UsePageListAudit();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapRelaisOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DeclareNoPatientData("liveness");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).DeclareNoPatientData("readiness");
        app.MapOpenApi().DeclareNoPatientData("API description");
        app.MapApiAntiforgery();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Relais API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .DeclareNoPatientData("API browser");
        return app;
    }

    public static WebApplication MapRelaisPages(this WebApplication app)
    {
        app.MapStaticAssets().DeclareNoPatientData("static files").WithMetadata(new SecurityHeaders.StaticFile());
        app.MapRazorComponents<App>().DeclareNoPatientData("pages without a patient in their route; patient pages carry [PatientScoped]");
        return app;
    }
}
