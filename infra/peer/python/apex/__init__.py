"""The Python twin of infra/lib (the Apex component library), written as the design notes write Pulumi
programs: ComponentResource subclasses, pulumi.Config, ResourceOptions(parent=self). It exists for the peer
check (infra/peer): each component here must register what its C++ original registers."""
