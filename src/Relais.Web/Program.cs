using Relais.Web.Features.Palliative;
using Relais.Web.Features.Fhir;
using Relais.Web.Features.Appointments;
using Relais.Web.Features.Continuity;
using Relais.Web.Features.SupportiveCare;
using Relais.Web.Features.Portal;
using Relais.Web;
using Relais.Web.Data;
using Relais.Web.Demo;
using Relais.Web.Features.Access;
using Relais.Web.Features.Account;
using Relais.Web.Features.Admin.Users;
using Relais.Web.Features.Announcements;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.FollowUp;
using Relais.Web.Features.Expertise;
using Relais.Web.Features.Home;
using Relais.Web.Features.Indicators;
using Relais.Web.Features.Notifications;
using Relais.Web.Features.Patients;
using Relais.Web.Features.Programmes;
using Relais.Web.Features.Symptoms;
using Relais.Web.Features.TumorBoards;
using Relais.Web.Features.TumorBoards.Worklists;
using Relais.Web.Features.Patients.Professionals;
using Relais.Web.Identity;
using Relais.Web.Operations;

var builder = WebApplication.CreateBuilder(args);

builder.AddRelaisDatabase();
builder.AddRelaisIdentity();
builder.AddRelaisServices();
builder.AddRelaisWeb();
builder.AddRelaisObservability();

var app = builder.Build();

await app.MigrateRelaisDatabaseAsync();
await app.EnsureReferenceDataAsync();
await app.SeedDemoDataAsync();

app.UseRelaisPipeline();
app.MapRelaisOperations();
app.MapAuth();
app.MapPasskeys();
app.MapAdminUsers();
app.MapPatients();
app.MapProfessionals();
app.MapAccess();
app.MapMe();
app.MapAccessGrants();
app.MapPortal();
app.MapCoordination();
Relais.Web.Features.Cda.CdaApi.MapCda(app);
app.MapTumorBoards();
app.MapProgrammes();
app.MapAnnouncements();
app.MapWorklists();
app.MapFollowUp();
app.MapExpertise();
app.MapSymptoms();
app.MapSupportiveCare();
app.MapPalliative();
app.MapHome();
app.MapNotifications();
app.MapIndicators();
app.MapAppointments();
app.MapContinuity();
app.MapFhir();
app.MapRelaisPages();

app.Run();

public partial class Program;
