package main

// The subset of the Pulumi package schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/)
// that this tool writes. Field order is the order of the JSON output; maps are written with sorted
// keys by encoding/json, so the output is deterministic.

type TypeSpec struct {
	Type                 string    `json:"type,omitempty"`
	Ref                  string    `json:"$ref,omitempty"`
	Items                *TypeSpec `json:"items,omitempty"`
	AdditionalProperties *TypeSpec `json:"additionalProperties,omitempty"`
}

type DefaultInfo struct {
	Environment []string `json:"environment,omitempty"`
}

type PropertySpec struct {
	TypeSpec
	Description        string       `json:"description,omitempty"`
	Default            any          `json:"default,omitempty"`
	DefaultInfo        *DefaultInfo `json:"defaultInfo,omitempty"`
	DeprecationMessage string       `json:"deprecationMessage,omitempty"`
	Secret             bool         `json:"secret,omitempty"`
	ReplaceOnChanges   bool         `json:"replaceOnChanges,omitempty"`
}

type ObjectTypeSpec struct {
	Description string                   `json:"description,omitempty"`
	Properties  map[string]*PropertySpec `json:"properties,omitempty"`
	Type        string                   `json:"type"`
	Required    []string                 `json:"required,omitempty"`
}

type AliasSpec struct {
	Type string `json:"type,omitempty"`
}

type ResourceSpec struct {
	Description        string                   `json:"description,omitempty"`
	Properties         map[string]*PropertySpec `json:"properties,omitempty"`
	Required           []string                 `json:"required,omitempty"`
	InputProperties    map[string]*PropertySpec `json:"inputProperties,omitempty"`
	RequiredInputs     []string                 `json:"requiredInputs,omitempty"`
	StateInputs        *ObjectTypeSpec          `json:"stateInputs,omitempty"`
	Aliases            []AliasSpec              `json:"aliases,omitempty"`
	DeprecationMessage string                   `json:"deprecationMessage,omitempty"`
	IsComponent        bool                     `json:"isComponent,omitempty"`
	Methods            map[string]string        `json:"methods,omitempty"`
}

type FunctionSpec struct {
	Description         string          `json:"description,omitempty"`
	Inputs              *ObjectTypeSpec `json:"inputs,omitempty"`
	MultiArgumentInputs []string        `json:"multiArgumentInputs,omitempty"`
	// Outputs is an *ObjectTypeSpec, or a *TypeSpec for a function that returns a single
	// non-object value.
	Outputs            any    `json:"outputs,omitempty"`
	DeprecationMessage string `json:"deprecationMessage,omitempty"`
}

type ConfigSpec struct {
	Variables map[string]*PropertySpec `json:"variables,omitempty"`
	Defaults  []string                 `json:"defaults,omitempty"`
}

type MetadataSpec struct {
	ModuleFormat string `json:"moduleFormat,omitempty"`
}

type PackageSpec struct {
	Name              string                     `json:"name"`
	Version           string                     `json:"version,omitempty"`
	Description       string                     `json:"description,omitempty"`
	PluginDownloadURL string                     `json:"pluginDownloadURL,omitempty"`
	Meta              *MetadataSpec              `json:"meta,omitempty"`
	Language          map[string]any             `json:"language,omitempty"`
	Config            *ConfigSpec                `json:"config,omitempty"`
	Provider          *ResourceSpec              `json:"provider,omitempty"`
	Resources         map[string]*ResourceSpec   `json:"resources,omitempty"`
	Functions         map[string]*FunctionSpec   `json:"functions,omitempty"`
	Types             map[string]*ObjectTypeSpec `json:"types,omitempty"`
}
