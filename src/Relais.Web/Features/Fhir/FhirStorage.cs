using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Interop;
using Relais.Domain.Patients;

namespace Relais.Web.Features.Fhir;

public sealed class ExternalBundleReceiptConfiguration : IEntityTypeConfiguration<ExternalBundleReceipt>
{
    public void Configure(EntityTypeBuilder<ExternalBundleReceipt> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.BundleSystem).HasMaxLength(ExternalBundleReceipt.MaxSystem);
        builder.Property(r => r.BundleValue).HasMaxLength(ExternalBundleReceipt.MaxValue);
        // One receipt per sender and Bundle identifier: a second sending (or a race) finds the first.
        builder.HasIndex(r => new { r.SenderId, r.BundleSystem, r.BundleValue }).IsUnique();
    }
}

public sealed class HeldExternalResultConfiguration : IEntityTypeConfiguration<HeldExternalResult>
{
    public void Configure(EntityTypeBuilder<HeldExternalResult> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Ins).HasMaxLength(15);
        builder.Property(h => h.Reasons).HasMaxLength(200);
        builder.Property(h => h.RejectionReason).HasMaxLength(HeldExternalResult.MaxRejectionReason);
        builder.HasIndex(h => new { h.ClosedAt, h.ReceivedAt });
        builder.HasIndex(h => h.ReceiptId);
        builder.HasOne<ExternalBundleReceipt>().WithMany().HasForeignKey(h => h.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(h => h.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
