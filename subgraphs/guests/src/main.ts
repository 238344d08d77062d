import 'reflect-metadata';
import { runSubgraphProcess } from '@attendant/kit';
import { guestsSubgraph } from './index';

void runSubgraphProcess(guestsSubgraph, 'GUESTS_PORT', 4001);
