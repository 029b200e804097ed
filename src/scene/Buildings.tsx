import { useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo } from 'react'
import * as THREE from 'three'
import type { CampusLayout } from '../layout'
import {
  FAN_NEAR_M,
  exteriorKit,
  facadeFeatures,
  roofFans,
  type BuildingMode,
} from './buildingData'
import { Instances } from './Instances'
import { kitMaterial, paintKitAtlas, setKitNight } from './kitMaterial'
import { FAN_GEOMETRY, MODEL_MATERIAL } from './models'
import { sceneStats } from './stats'
import { useSun } from './sun'

const VOLUMES = kitMaterial()
const FEATURES = kitMaterial({ polygonOffset: true })
/** A quad facing +z, 1 m square, for façade features (the kit's ±z cell shows on it). */
const QUAD = new THREE.PlaneGeometry(1, 1)

/**
 * The GPU buildings from outside: main blocks with plinth, parapet and rooftop plant (stair
 * cores, air handlers, walkways, exhaust fans), glazed office blocks, and façade features
 * (doors, loading doors, louvres, windows) — three draw calls for any number of buildings.
 * X-ray opens every roof over its halls; the cut-away building (Hall interior) loses its roof
 * and upper walls. Windows light up at night.
 */
export function Buildings({ layout, mode }: { layout: CampusLayout; mode: BuildingMode }) {
  const exterior = useMemo(() => exteriorKit(layout, mode), [layout, mode])
  const features = useMemo(() => facadeFeatures(layout, mode), [layout, mode])
  const fans = useMemo(() => roofFans(layout, mode), [layout, mode])
  const { night } = useSun()
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    paintKitAtlas().then(
      () => invalidate(),
      (error: unknown) => {
        console.error('the buildings’ atlas could not be painted', error)
      },
    )
  }, [invalidate])
  useLayoutEffect(() => {
    setKitNight(night)
    sceneStats.night = night
    invalidate()
  }, [night, invalidate])
  useLayoutEffect(() => {
    const c = exterior.counts
    sceneStats.solidRoofs = c.solidRoofs
    sceneStats.cutaway = mode.cutaway
    sceneStats.built.roofUnits = c.roofUnits
    sceneStats.built.walkways = c.walkways
    sceneStats.built.offices = c.offices
  }, [exterior, mode])
  return (
    <>
      <Instances data={exterior.data} material={VOLUMES} name="buildings" />
      <Instances data={features} material={FEATURES} geometry={QUAD} stat="openings" />
      <Instances
        data={fans}
        material={MODEL_MATERIAL}
        geometry={FAN_GEOMETRY}
        nearM={FAN_NEAR_M}
        stat="roofFans"
      />
    </>
  )
}
