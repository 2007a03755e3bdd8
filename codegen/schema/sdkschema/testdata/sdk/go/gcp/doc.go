// A Pulumi package for creating and managing Google Cloud Platform resources.
package gcp
