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
    public void Configure(EntityTypeBuilder<ReferralTask> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.Status, r.DueOn });
        b.HasIndex(r => r.PatientId);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
