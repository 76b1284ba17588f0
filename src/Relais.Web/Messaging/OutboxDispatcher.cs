using Relais.Web.Operations;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Relais.Domain.Patients;
using Relais.Web.Data;

namespace Relais.Web.Messaging;

/// <summary>
/// Runs the outbox dispatcher and, every minute, the reminder and escalation scans (team signals, urgent triage alerts) in the background.
/// The scans run with mail off too: an urgent signal's owner who does not react is escalated in the
/// app (the inbox and the team queue) whether or not an e-mail can be sent.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.DispatchIntervalSeconds)));
        var lastReminderScan = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                if (options.Value.Enabled)
                {
                    while (await sender.DispatchOnceAsync(stoppingToken) > 0) { }
                    // The read receipts (MDN) the mail system dropped since the last pass mark their transmissions read.
                    await scope.ServiceProvider.GetRequiredService<ReadReceipts>().ScanAsync(stoppingToken);
                }
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                if (clock - lastReminderScan >= TimeSpan.FromMinutes(1))
                {
                    await scope.ServiceProvider.GetRequiredService<Features.Coordination.Reminders>().ScanAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Coordination.TeamQueue.EscalateLateSignals>().ScanAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.FollowUp.Reminders.RemindPatients>().HandleAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Patients.Ald.RemindAldExpiry>().HandleAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Patients.Steps.RemindSteps>().HandleAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Palliative.RemindHadRenewal>().HandleAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.FollowUp.ContinuingTreatments.RemindPlannedStops>().HandleAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Symptoms.Triage.EscalateUrgentAlerts>().ScanAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Symptoms.Assignments.RemindQuestionnaires>().HandleAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.Notifications.NotifyByEmail>().ScanAsync(stoppingToken);
                    lastReminderScan = clock;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.OutboxDispatchFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
