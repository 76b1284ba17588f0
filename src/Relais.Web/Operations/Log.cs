using Relais.Web.Messaging;

namespace Relais.Web.Operations;

/// <summary>
/// Every message Relais logs, in one place (source-generated, so a disabled level costs nothing). They
/// carry identifiers and counts only, never clinical text (SECURITY.md).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    public static partial void UnhandledError(this ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sealed {Count} audit entries")]
    public static partial void AuditSealed(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit sealing failed; will retry")]
    public static partial void AuditSealingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit sealer's queue held {Count} rows already sealed (written there by hand): taken off")]
    public static partial void AuditQueueRowsOfSealedRowsDropped(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium not found at {Path}: documents are kept as HTML, without PDF")]
    public static partial void ChromiumMissing(this ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} failed (attempt {Attempts}, {Status}): {Error}")]
    public static partial void OutboxMessageFailed(this ILogger logger, Guid outboxId, int attempts, OutboxStatus status, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read receipt applied to outbox message {OutboxId}")]
    public static partial void ReadReceiptApplied(this ILogger logger, Guid outboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; will retry")]
    public static partial void OutboxDispatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indicator refresh failed; will retry")]
    public static partial void IndicatorRefreshFailed(this ILogger logger, Exception exception);
}
