// Where the token lives: the destinations a renewal writes to (.env, JSON, YAML, a command), the Docker Compose
// restart that really applies it, and the connect-time scan for setups where a restart is not enough.
export {
  DESTINATION_KINDS,
  DestinationSchema,
  isFileDestination,
  type Destination,
  type DestinationKind,
  type EnvDestination,
  type JsonDestination,
  type YamlDestination,
  type CommandDestination,
  type FileDestination,
} from './types';
export { parseDestinationArg, formatDestinationArg, describeDestination, type DestinationArgOptions } from './destination-arg';
export { parseKeyPath, formatKeyPath, type KeyPathSegment } from './key-path';
export {
  writeDestination,
  undoDestination,
  readDestinationToken,
  orderForWriting,
  type DestinationContext,
  type DestinationOutcome,
  type UndoResult,
} from './write-destination';
export { pipelineDestination, type PipelineDestination, type PipelineDestinationOptions } from './pipeline-destination';
export { runTokenCommand, DEFAULT_COMMAND_TIMEOUT_MS, type TokenCommandRun } from './token-command';
export { composeRestart, type ComposeRestart, type ComposeTokenService, type ComposeLookup } from './compose';
export { TOKEN_DUPLICATED_KEY, scanTokenDeliveryRisks, suggestDestinations, type TokenDeliveryOptions } from './risk-scan';
export { findTokenCopies, type TokenCopy, type TokenOrigin } from './token-copies';
export { setJsonString, readJsonString, type JsonValueChange } from './json-edit';
export { setYamlString, readYamlString, type YamlValueChange } from './yaml-edit';
export { destinationError, type DestinationProblem } from './errors';
export { previewDestination, type DestinationPreview } from './preview-destination';
