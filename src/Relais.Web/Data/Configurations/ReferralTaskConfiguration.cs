using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class ReferralTaskConfiguration : IEntityTypeConfiguration<ReferralTask>
{
    public void Configure(EntityTypeBuilder<ReferralTask> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasIndex(r => r.PatientId);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
