namespace Relais.Web.Messaging;

/// <summary>Secure mail of the MSSanté kind: SMTP with TLS (section "Mail" of the configuration).</summary>
public sealed class MailOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>
    /// <c>smtp</c> sends through <see cref="Host"/>; <c>files</c> writes each e-mail as a readable
    /// <c>.eml</c> file in <see cref="PickupDirectory"/>. Unset: SMTP when a host is configured, files
    /// otherwise, so that a Relais without a mail server still keeps (and shows) every e-mail.
    /// </summary>
    public string? Delivery { get; set; }
    /// <summary>Where <c>files</c> delivery writes (default: App_Data/mail under the content root).</summary>
    public string? PickupDirectory { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "relais@relais.demo";
    public string FromName { get; set; } = "Relais";
    /// <summary>Right-hand side of the Message-IDs.</summary>
    public string Domain { get; set; } = "relais.local";
    /// <summary>Base address of Relais, for the links in e-mails.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
    public int DispatchIntervalSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 200;
    /// <summary>
    /// How long a batch's claim holds its messages: an instance that dies mid-batch (killed, host lost) leaves them claimed
    /// this long, then another instance, or the restarted one, takes them again. It must outlast the sending of a batch.
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;
    /// <summary>SMTP connections a batch is spread over (each sends its share in turn).</summary>
    public int Connections { get; set; } = 4;
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The domains of the MSSanté space of trust (operators' domains; a sub-domain counts): only their addresses receive
    /// health data and the patient's identity (<see cref="Domain.Messaging.MssanteSpace"/>). Unset: <c>mssante.fr</c>.
    /// The patients' own boxes (<c>&lt;INS&gt;@patient.mssante.fr</c>) count for a qualified INS whatever is listed here.
    /// </summary>
    public string[]? MssanteDomains { get; set; }

    public IReadOnlyList<string> MssanteSpace => MssanteDomains is { Length: > 0 } d ? d : DefaultMssanteDomains;

    private static readonly string[] DefaultMssanteDomains = ["mssante.fr"];

    /// <summary>The software's reference on the ANS convergence platform, sent as X-MSS-NIL when set.</summary>
    public string? MssanteProductReference { get; set; }

    /// <summary>The drop folder the mail system delivers read receipts (MDN) into, one .eml each (default: App_Data/mail-receipts).</summary>
    public string? ReceiptsDirectory { get; set; }

    public string ReceiptsFolder(string contentRoot) => ReceiptsDirectory is { Length: > 0 } d ? d : Path.Combine(contentRoot, "App_Data", "mail-receipts");

    public bool WritesFiles => Delivery is { Length: > 0 } d
        ? d.Equals("files", StringComparison.OrdinalIgnoreCase)
        : string.IsNullOrWhiteSpace(Host);

    /// <summary>Checked at start-up: a misspelt delivery must not silently fall back to another one.</summary>
    public bool IsValid => Delivery is null or "" || Delivery.Equals("smtp", StringComparison.OrdinalIgnoreCase) || Delivery.Equals("files", StringComparison.OrdinalIgnoreCase);

    public string PickupFolder(string contentRoot) => PickupDirectory is { Length: > 0 } d ? d : Path.Combine(contentRoot, "App_Data", "mail");
}
