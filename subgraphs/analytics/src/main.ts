import 'reflect-metadata';
import { runSubgraphProcess } from '@attendant/kit';
import { analyticsSubgraph } from './index';

void runSubgraphProcess(analyticsSubgraph, 'ANALYTICS_PORT', 4005);
